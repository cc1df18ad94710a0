import { FormSection, type FormPageProps } from './forms/form-section.js';
import { TextField } from './forms/text-field.js';
import { Layout } from './layout.js';

// A person's own account: who they are, and changing their password.
export function AccountPage({ session, error }: FormPageProps) {
  return (
    <Layout title="Your account" session={session} section="account">
      <dl class="facts">
        <dt>Username</dt>
        <dd>{session.actor.name}</dd>
        <dt>Name</dt>
        <dd>{session.displayName ?? session.actor.name}</dd>
        <dt>Role</dt>
        <dd>{session.actor.role === 'admin' ? 'Admin' : 'Viewer'}</dd>
      </dl>
      {session.kind === 'account' ? (
        <FormSection
          id="password"
          heading="Change it"
          intro={<p>Your other sessions end when you change it; this one stays open.</p>}
          error={error}
          session={session}
          action="/account/password"
          actions={<button type="submit">Change password</button>}
        >
          <TextField
            id="password-current"
            name="currentPassword"
            label="Current password"
            type="password"
            required
            maxLength={200}
            autocomplete="current-password"
          />
          <TextField
            id="password-new"
            name="newPassword"
            label="New password"
            type="password"
            required
            maxLength={200}
            autocomplete="new-password"
            hint="At least 12 characters; a few words you will remember are best."
          />
        </FormSection>
      ) : (
        <p>You signed in with an API token, which has no password. Ask an admin for an account.</p>
      )}
    </Layout>
  );
}
