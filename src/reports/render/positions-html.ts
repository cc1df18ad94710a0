import { STANCES } from '../../parties/stance.js';
import type { PositionsReport } from '../positions-report.view.js';
import { html } from './html.js';
import { htmlPage } from './html-page.js';
import { htmlTable, stateName } from './html-tables.js';
import { positionsTitle } from './report-titles.js';
import { scopeNotes } from './scope-notes.js';
import { stanceName } from './stance-style.js';

// The matrix: one row per item naming its slug, one column per party; every stance in words.
export function positionsHtml(report: PositionsReport): string {
  return htmlPage({
    title: positionsTitle(report),
    notes: [...scopeNotes(report), ...(report.divergent ? ['Only the items where parties pull apart.'] : [])],
    sections: [
      html`<section>
        <h2>Stances</h2>
        <ul class="legend">
          ${STANCES.map((stance) => html`<li>${stanceName(stance)}</li>`)}
          <li><span class="stance">— No position</span></li>
        </ul>
      </section>`,
      html`<section>
        <h2>Positions by item (${report.items.length})</h2>
        ${
          report.items.length === 0
            ? html`<p class="empty">No item matches.</p>`
            : htmlTable(
                [
                  { header: 'Item' },
                  { header: 'Title' },
                  { header: 'State' },
                  ...report.parties.map((party) => ({ header: party, kind: 'nowrap' as const })),
                ],
                report.items.map((item) => [
                  item.slug,
                  item.title,
                  stateName(item.state),
                  ...report.parties.map((party) => {
                    const cell = item.positions[party];
                    return cell
                      ? html`${stanceName(cell.stance)}<br /><span class="small">since ${cell.since}</span>`
                      : html`<span class="small">— No position</span>`;
                  }),
                ]),
              )
        }
      </section>`,
    ],
  });
}
