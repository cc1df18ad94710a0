import type { AuditReport } from '../../../audit/audit-report.view.js';

export function Verdict({ report }: { readonly report: AuditReport }) {
  if (report.ok) {
    return (
      <div class="notice" role="status">
        <h3>The history checks out</h3>
        <p>
          All {report.events} events hash into the chain up to <code class="hash">{report.head}</code>, and every item
          matches its history.
        </p>
        {report.checkpoints.length > 0 && (
          <ul>
            {report.checkpoints.map((checkpoint) => (
              <li key={checkpoint.hash}>
                Checkpoint <code class="hash">{checkpoint.hash}</code> ({checkpoint.events} events) matches.
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <div class="error-summary" role="alert">
      <h3>The history does not check out</h3>
      <p>
        {report.firstProblem.message}
        {report.firstProblem.item && ` (item ${report.firstProblem.item}, version ${report.firstProblem.seq ?? '?'})`}
      </p>
    </div>
  );
}
