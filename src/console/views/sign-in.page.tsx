import { ErrorSummary } from './forms/error-summary.js';
import { Layout } from './layout.js';
import { StatusMessage } from './status-message.js';

export type SignInWith = 'account' | 'token';

// Two forms of their own: people sign in with their account, programs' owners with an API token.
export function SignInPage({
  error,
  refused,
  username,
  notice,
}: {
  readonly error?: string;
  // Which form the error belongs to.
  readonly refused?: SignInWith;
  readonly username?: string;
  readonly notice?: string;
}) {
  const summary = error && <ErrorSummary title="You are not signed in" messages={[error]} />;
  return (
    <Layout title="Sign in">
      {notice && <StatusMessage>{notice}</StatusMessage>}
      {/* Sections without a name: a label such as "With an API token" would also answer getByLabel('Token'). */}
      <section>
        <h2>With your account</h2>
        {refused !== 'token' && summary}
        <form method="post" action="/sign-in" class="stack">
          <div class="field">
            <label for="username">Username</label>
            <input
              id="username"
              name="username"
              type="text"
              value={username ?? ''}
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              required
              maxLength={64}
            />
          </div>
          <div class="field">
            <label for="password">Password</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
              maxLength={200}
            />
          </div>
          <div class="actions">
            <button type="submit">Sign in</button>
          </div>
        </form>
        <p>The console keeps you signed in until you sign out or stop using it for a while.</p>
      </section>
      <section>
        <h2>With an API token</h2>
        {refused === 'token' && summary}
        <form method="post" action="/sign-in" class="stack">
          <div class="field">
            <label for="token">Token</label>
            <input id="token" name="token" type="password" autocomplete="off" required maxLength={200} />
          </div>
          <div class="actions">
            <button type="submit" class="secondary">
              Sign in with token
            </button>
          </div>
        </form>
        <p>
          Programs use the API with the same tokens: see <a href="/docs">the API documentation</a>.
        </p>
      </section>
    </Layout>
  );
}
