import type { RevisionsReport, StandingView } from '../revisions-report.view.js';
import { html, type SafeHtml } from './html.js';
import { htmlPage } from './html-page.js';
import { htmlTable, stateName } from './html-tables.js';
import { revisionCells, revisionsNotes, revisionsTitle } from './report-titles.js';

// The correction notice an analyst attaches to a revised report: what changed for the day, why,
// and who recorded it when.
export function revisionsHtml(report: RevisionsReport): string {
  return htmlPage({
    title: revisionsTitle(report),
    notes: revisionsNotes(report),
    sections: [
      html`<section>
        <h2>Differences (${report.differences.length})</h2>
        ${
          report.differences.length === 0
            ? html`<p class="empty">The status for ${report.asOf} did not change between the two instants.</p>`
            : htmlTable(
                [
                  { header: 'Item' },
                  { header: 'Kind' },
                  { header: 'Before', kind: 'nowrap' },
                  { header: 'After', kind: 'nowrap' },
                  { header: 'Events', kind: 'text' },
                ],
                report.differences.map((difference) => revisionCells(difference, standing)),
              )
        }
      </section>`,
    ],
  });
}

function standing(view: StandingView | null): SafeHtml {
  return view ? html`${stateName(view.state)} since ${view.since}` : html`<span class="empty">not listed</span>`;
}
