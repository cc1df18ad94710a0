import { FormSection, type FormPageProps } from './forms/form-section.js';
import { TextField } from './forms/text-field.js';
import { Layout } from './layout.js';

// An admin's reset of somebody's password: their sessions end, and they sign in with the new one.
export function ResetPasswordPage({ session, username, error }: FormPageProps & { readonly username: string }) {
  return (
    <Layout title={`Reset the password of ${username}`} session={session} section="accounts">
      <FormSection
        id="reset"
        heading="Choose the replacement"
        intro={<p>Every session of {username} ends; give them the new password to sign in again.</p>}
        error={error}
        session={session}
        action={`/accounts/${encodeURIComponent(username)}/reset-password`}
        actions={
          <>
            <button type="submit">Reset password</button>
            <a href="/accounts">Cancel</a>
          </>
        }
      >
        <TextField
          id="reset-password"
          name="password"
          label="New password"
          type="password"
          required
          maxLength={200}
          autocomplete="new-password"
          hint="At least 12 characters."
        />
      </FormSection>
    </Layout>
  );
}
