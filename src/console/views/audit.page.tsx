import type { AuditHeadView, AuditReport } from '../../audit/audit-report.view.js';
import type { FormError } from '../form-values.js';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { HeadHash } from './parts/head-hash.js';
import { ErrorSummary } from './forms/error-summary.js';
import { isAdmin } from './is-admin.js';
import { Layout } from './layout.js';
import { Verdict } from './audit/verdict.js';

export function AuditPage({
  session,
  head,
  against,
  verified,
  error,
}: {
  readonly session: ConsoleSession;
  readonly head: AuditHeadView;
  readonly against?: string;
  readonly verified?: AuditReport;
  readonly error?: FormError;
}) {
  return (
    <Layout title="Audit" session={session} section="audit">
      <h2>History head</h2>
      <p>
        Publish this checkpoint (the newest event’s hash and the number of events): later, verifying against it proves
        that none of those events was changed.
      </p>
      <HeadHash hash={head.hash} events={head.events} />
      {isAdmin(session) ? (
        <section aria-labelledby="verify-heading">
          <h2 id="verify-heading">Verify the history</h2>
          <p>Recomputes every hash of the chain and checks every item against its history; it changes nothing.</p>
          {error && <ErrorSummary title={error.title} messages={error.messages} />}
          <form method="get" action="/audit" class="stack">
            <input type="hidden" name="verify" value="1" />
            <div class="field">
              <label for="audit-against">Checkpoints to verify against</label>
              <p class="hint" id="audit-against-hint">
                Optional: published heads as hash:count, separated by commas.
              </p>
              <textarea id="audit-against" name="against" rows={3} aria-describedby="audit-against-hint">
                {against ?? ''}
              </textarea>
            </div>
            <div class="actions">
              <button type="submit">Verify</button>
            </div>
          </form>
          {verified && <Verdict report={verified} />}
        </section>
      ) : (
        <p>Verifying the whole history is for admins.</p>
      )}
    </Layout>
  );
}
