import type { ComponentChildren } from 'preact';
import type { ConsoleSession } from '../../sessions/console-sessions.service.js';
import { CsrfField } from './csrf-field.js';

// Every form that changes something posts the session's CSRF token first (ConsoleGuard checks it).
export function PostForm({
  session,
  action,
  enctype,
  class: className,
  children,
}: {
  readonly session: ConsoleSession;
  readonly action: string;
  readonly enctype?: 'multipart/form-data';
  readonly class: string;
  readonly children: ComponentChildren;
}) {
  return (
    <form method="post" action={action} enctype={enctype} class={className}>
      <CsrfField session={session} />
      {children}
    </form>
  );
}
