import type { AccountView } from '../../accounts/accounts.service.js';
import { DataTable } from '../../reports/render/data-table.js';
import { FormSection, type FormPageProps } from './forms/form-section.js';
import { SelectField } from './forms/select-field.js';
import { TextField } from './forms/text-field.js';
import { Layout } from './layout.js';

export const ROLE_CHOICES: ReadonlyArray<readonly [string, string]> = [
  ['viewer', 'Viewer: reads everything, changes nothing'],
  ['admin', 'Admin: may change everything'],
];

export const ACCOUNT_FIELDS = ['username', 'displayName', 'role'] as const;

// Admins: every account, and a form to create one.
export function AccountsPage({
  session,
  accounts,
  values = {},
  error,
}: FormPageProps & { readonly accounts: readonly AccountView[] }) {
  return (
    <Layout title="Accounts" session={session} section="accounts">
      <p>People sign in with an account; programs use API tokens.</p>
      <DataTable
        label="Accounts"
        rows={accounts}
        columns={[
          { header: 'Username', cell: (account) => account.username },
          { header: 'Name', cell: (account) => account.displayName },
          { header: 'Role', cell: (account) => (account.role === 'admin' ? 'Admin' : 'Viewer') },
          { header: 'Created', cell: (account) => account.createdAt.slice(0, 10) },
          {
            header: 'Status',
            cell: (account) =>
              account.disabledAt ? (
                `Disabled ${account.disabledAt.slice(0, 10)}`
              ) : (
                <span class="actions">
                  <a
                    href={`/accounts/${encodeURIComponent(account.username)}/reset-password`}
                    aria-label={`Reset password of ${account.username}`}
                  >
                    Reset password
                  </a>
                  {account.username !== session.actor.name && (
                    <a
                      class="danger-link"
                      href={`/accounts/${encodeURIComponent(account.username)}/disable`}
                      aria-label={`Disable account ${account.username}`}
                    >
                      Disable account
                    </a>
                  )}
                </span>
              ),
          },
        ]}
      />
      <FormSection
        id="new-account"
        heading="Create an account"
        error={error}
        session={session}
        action="/accounts"
        actions={<button type="submit">Create account</button>}
      >
        <TextField
          id="account-username"
          name="username"
          label="Username"
          value={values.username}
          required
          maxLength={64}
          autocomplete="off"
          hint="Recorded as the actor of every change this person makes; usernames are never reused."
        />
        <TextField
          id="account-displayName"
          name="displayName"
          label="Display name"
          value={values.displayName}
          required
          maxLength={100}
          autocomplete="off"
        />
        <SelectField
          id="account-role"
          name="role"
          label="Role"
          options={ROLE_CHOICES}
          selected={values.role === 'admin' ? 'admin' : 'viewer'}
        />
        <TextField
          id="account-password"
          name="password"
          label="Initial password"
          type="password"
          required
          maxLength={200}
          autocomplete="new-password"
          hint="At least 12 characters. Give it to the person; they can change it on their Your account page."
        />
      </FormSection>
    </Layout>
  );
}
