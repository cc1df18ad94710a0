import { dayBefore } from '../../common/calendar-date.js';
import type { ChangesReport } from '../changes-report.view.js';
import { countsBarChart } from './bar-chart.js';
import { html } from './html.js';
import { htmlPage } from './html-page.js';
import { countsTable, htmlTable, stateName } from './html-tables.js';
import { changesTitle, changesWindow } from './report-titles.js';
import { scopeNotes } from './scope-notes.js';
import { stanceName } from './stance-style.js';
import { countsTimelineChart } from './timeline-chart.js';

export function changesHtml(report: ChangesReport): string {
  const window = changesWindow(report);
  const series = [
    { label: `Before (${dayBefore(report.from)})`, counts: report.countsBefore },
    { label: `After (${report.to})`, counts: report.countsAfter },
  ];
  return htmlPage({
    title: changesTitle(report),
    notes: scopeNotes(report),
    sections: [
      html`<section>
        <h2>Items per state, before and after</h2>
        ${countsBarChart(series, `Items per state before and after the changes ${window}`)} ${countsTable(series)}
      </section>`,
      html`<section>
        <h2>Items per state over time</h2>
        ${countsTimelineChart(
          { from: report.from, to: report.to, countsBefore: report.countsBefore, points: report.timeline },
          `Items per state over time, ${window}`,
        )}
      </section>`,
      html`<section>
        <h2>Transitions (${report.transitions.length})</h2>
        ${
          report.transitions.length === 0
            ? html`<p class="empty">No item changed state in this window.</p>`
            : htmlTable(
                [
                  { header: 'Effective', kind: 'nowrap' },
                  { header: 'Item' },
                  { header: 'Title' },
                  { header: 'Change' },
                  { header: 'Reason', kind: 'text' },
                  { header: 'Meeting' },
                  { header: 'Source', kind: 'text' },
                  { header: 'Recorded' },
                ],
                report.transitions.map((change) => [
                  change.effectiveOn,
                  change.item,
                  change.title,
                  html`${stateName(change.fromState)} → ${stateName(change.toState)}`,
                  change.reason,
                  change.meeting,
                  change.source,
                  html`${change.actor}<br /><span class="small">${change.recordedAt}</span>`,
                ]),
              )
        }
      </section>`,
      html`<section>
        <h2>Positions taken (${report.positions.length})</h2>
        ${
          report.positions.length === 0
            ? html`<p class="empty">No party took a position in this window.</p>`
            : htmlTable(
                [
                  { header: 'Effective', kind: 'nowrap' },
                  { header: 'Item' },
                  { header: 'Party' },
                  { header: 'Change' },
                  { header: 'Statement', kind: 'text' },
                  { header: 'Meeting' },
                  { header: 'Source', kind: 'text' },
                  { header: 'Recorded' },
                ],
                report.positions.map((position) => [
                  position.effectiveOn,
                  position.item,
                  position.party,
                  html`${position.fromStance === null ? 'No position' : stanceName(position.fromStance)} →
                  ${stanceName(position.toStance)}`,
                  position.statement,
                  position.meeting,
                  position.source,
                  html`${position.actor}<br /><span class="small">${position.recordedAt}</span>`,
                ]),
              )
        }
      </section>`,
    ],
  });
}
