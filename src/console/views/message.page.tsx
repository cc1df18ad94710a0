import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { Layout } from './layout.js';

// A refusal or a failure, said in words, with a way back.
export function MessagePage({
  title,
  message,
  session,
}: {
  readonly title: string;
  readonly message: string;
  readonly session?: ConsoleSession;
}) {
  return (
    <Layout title={title} session={session}>
      <div class="error-summary" role="alert">
        <p>{message}</p>
      </div>
      <p>
        <a href={session ? '/' : '/sign-in'}>{session ? 'Back to the dashboard' : 'Sign in'}</a>
      </p>
    </Layout>
  );
}
