import type { CreatedTokenView, TokenView } from '../../auth/token.view.js';
import { DataTable } from '../../reports/render/data-table.js';
import { FormSection, type FormPageProps } from './forms/form-section.js';
import { SelectField } from './forms/select-field.js';
import { TextField } from './forms/text-field.js';
import { Layout } from './layout.js';

const ROLES: ReadonlyArray<readonly [string, string]> = [
  ['viewer', 'Viewer: reads everything, changes nothing'],
  ['admin', 'Admin: may change everything'],
];

export function TokensPage({
  session,
  tokens,
  created,
  values = {},
  error,
}: FormPageProps & { readonly tokens: readonly TokenView[]; readonly created?: CreatedTokenView }) {
  return (
    <Layout title="Tokens" session={session} section="tokens">
      {created && (
        <div class="notice" role="status">
          <h2>Token “{created.name}” created</h2>
          <p>Copy its secret now: it is shown this once, and only its hash is kept.</p>
          <p class="actions">
            <code class="secret" id="new-token-secret">
              {created.token}
            </code>
            <button type="button" class="secondary" data-copy="new-token-secret" hidden>
              Copy secret
            </button>
          </p>
        </div>
      )}
      <DataTable
        label="Tokens"
        rows={tokens}
        columns={[
          { header: 'Name', cell: (token) => token.name },
          { header: 'Role', cell: (token) => token.role },
          { header: 'Created', cell: (token) => token.createdAt.slice(0, 10) },
          {
            header: 'Status',
            cell: (token) =>
              token.revokedAt ? (
                `Revoked ${token.revokedAt.slice(0, 10)}`
              ) : (
                <a
                  class="danger-link"
                  href={`/tokens/${encodeURIComponent(token.name)}/revoke`}
                  aria-label={`Revoke ${token.name}`}
                >
                  Revoke
                </a>
              ),
          },
        ]}
      />
      <FormSection
        id="new-token"
        heading="Create a token"
        error={error}
        session={session}
        action="/tokens"
        actions={<button type="submit">Create token</button>}
      >
        <TextField
          id="token-name"
          name="name"
          label="Name"
          value={values.name}
          required
          maxLength={64}
          hint="Recorded as the actor of every change made with it; names are never reused."
        />
        <SelectField
          id="token-role"
          name="role"
          label="Role"
          options={ROLES}
          selected={values.role === 'admin' ? 'admin' : 'viewer'}
        />
      </FormSection>
    </Layout>
  );
}
