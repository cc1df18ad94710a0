import { stringify } from 'csv-stringify/sync';
import type { ChangeView, ChangesReport, PositionChangeEventView } from '../changes-report.view.js';
import type { PositionsReport } from '../positions-report.view.js';
import type { RevisionsReport } from '../revisions-report.view.js';
import type { StatusReport } from '../status-report.view.js';
import { describeRevisionEvent } from './report-titles.js';

// RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, a quote, a CR or
// an LF (csv-stringify by itself quotes only a whole CRLF, so a bare LF would start a new row).
// A cell a spreadsheet would run as a formula (=, +, -, @ first) gets a leading quote.
function toCsv<Row extends object>(columns: ReadonlyArray<keyof Row & string>, rows: readonly Row[]): string {
  return stringify(rows as Row[], {
    header: true,
    columns: [...columns],
    record_delimiter: 'windows',
    escape_formulas: true,
    quoted_match: /[\r\n]/,
  });
}

export function statusCsv(report: StatusReport): string {
  return toCsv(['slug', 'title', 'category', 'proposedBy', 'state', 'since', 'lastReason'], report.items);
}

// Transitions and positions in one table, in effect order: a position row names its party and
// stances and carries its statement as the reason, a transition row its states.
export function changesCsv(report: ChangesReport): string {
  const rows = [
    ...report.transitions,
    ...report.positions.map(({ statement, ...position }) => ({ ...position, reason: statement })),
  ].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0));
  return toCsv<Partial<ChangeView & PositionChangeEventView>>(
    [
      'effectiveOn',
      'item',
      'title',
      'fromState',
      'toState',
      'reason',
      'meeting',
      'source',
      'actor',
      'recordedAt',
      'party',
      'fromStance',
      'toStance',
    ],
    rows,
  );
}

// One row per item, and per party its stance and the day it was taken.
export function positionsCsv(report: PositionsReport): string {
  const columns = ['slug', 'title', 'state', ...report.parties.flatMap((party) => [party, `${party} since`])];
  const rows = report.items.map((item) => ({
    slug: item.slug,
    title: item.title,
    state: item.state,
    ...Object.fromEntries(
      report.parties.flatMap((party) => [
        [party, item.positions[party]?.stance ?? ''],
        [`${party} since`, item.positions[party]?.since ?? ''],
      ]),
    ),
  }));
  return toCsv<Record<string, string>>(columns, rows);
}

// One row per difference; the events that explain it one per line inside their cell.
export function revisionsCsv(report: RevisionsReport): string {
  return toCsv(
    ['item', 'kind', 'beforeState', 'beforeSince', 'afterState', 'afterSince', 'events'],
    report.differences.map((difference) => ({
      item: difference.item,
      kind: difference.kind,
      beforeState: difference.before?.state ?? '',
      beforeSince: difference.before?.since ?? '',
      afterState: difference.after?.state ?? '',
      afterSince: difference.after?.since ?? '',
      events: difference.events.map(describeRevisionEvent).join('\n'),
    })),
  );
}
