import { ErrorSummary, Layout } from './layout.js';

export function SignInPage({ error }: { readonly error?: string }) {
  return (
    <Layout title="Sign in">
      {error && <ErrorSummary title="You are not signed in" messages={[error]} />}
      <p>
        Sign in with your API token. The console keeps you signed in until you sign out or stop using it for a while.
      </p>
      <form method="post" action="/sign-in" class="stack">
        <div class="field">
          <label for="token">Token</label>
          <input id="token" name="token" type="password" autocomplete="current-password" required maxLength={200} />
        </div>
        <div class="actions">
          <button type="submit">Sign in</button>
        </div>
      </form>
      <p>
        Programs use the API with the same tokens: see <a href="/docs">the API documentation</a>.
      </p>
    </Layout>
  );
}
