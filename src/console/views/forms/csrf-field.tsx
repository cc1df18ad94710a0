import { CSRF_FIELD } from '../../console.guard.js';
import type { ConsoleSession } from '../../sessions/console-sessions.service.js';

// ConsoleGuard checks it on every post.
export function CsrfField({ session }: { readonly session: ConsoleSession }) {
  return <input type="hidden" name={CSRF_FIELD} value={session.csrfToken} />;
}
