import { WORKFLOW_STATES } from '../../workflow/workflow.definition.js';
import type { StatusReport } from '../status-report.view.js';
import { countsBarChart } from './bar-chart.js';
import { html } from './html.js';
import { htmlPage } from './html-page.js';
import { countsTable, htmlTable, stateName } from './html-tables.js';
import { statusTitle } from './report-titles.js';
import { scopeNotes } from './scope-notes.js';

export function statusHtml(report: StatusReport): string {
  const series = [{ label: `As of ${report.asOf}`, counts: report.counts }];
  const groups = WORKFLOW_STATES.map((state) => ({
    state,
    items: report.items.filter((item) => item.state === state),
  })).filter((group) => group.items.length > 0);
  return htmlPage({
    title: statusTitle(report),
    notes: scopeNotes(report),
    sections: [
      html`<section>
        <h2>Items per state</h2>
        ${countsBarChart(series, `Items per state as of ${report.asOf}`)} ${countsTable(series)}
      </section>`,
      html`<section>
        <h2>Items by state</h2>
        ${groups.length === 0 ? html`<p class="empty">No items had been proposed by this day.</p>` : false}
        ${groups.map(
          (group) =>
            html`<h3>${stateName(group.state)} (${group.items.length})</h3>
              ${htmlTable(
                [
                  { header: 'Item' },
                  { header: 'Title' },
                  { header: 'Category' },
                  { header: 'Proposed by' },
                  { header: 'Since', kind: 'nowrap' },
                  { header: 'Last reason', kind: 'text' },
                ],
                group.items.map((item) => [
                  item.slug,
                  item.title,
                  item.category,
                  item.proposedBy,
                  item.since,
                  item.lastReason,
                ]),
              )}`,
        )}
      </section>`,
    ],
  });
}
