import type { RevisionDifference, RevisionEventView, RevisionsReport, StandingView } from '../revisions-report.view.js';
import type { ChangesReport } from '../changes-report.view.js';
import type { PositionsReport } from '../positions-report.view.js';
import type { StatusReport } from '../status-report.view.js';

export function positionsTitle(report: PositionsReport): string {
  return `Positions as of ${report.asOf}`;
}

export function statusTitle(report: StatusReport): string {
  return `Status as of ${report.asOf}`;
}

export function changesWindow(report: ChangesReport): string {
  return report.from === report.to ? `on ${report.from}` : `from ${report.from} to ${report.to}`;
}

export function changesTitle(report: ChangesReport): string {
  return `Changes ${changesWindow(report)}`;
}

export function revisionsTitle(report: RevisionsReport): string {
  return `Correction notice: the status as of ${report.asOf}`;
}

// The two instants compared, as one line for every format.
export function revisionsNotes(report: RevisionsReport): string[] {
  return [
    `Compares the status for ${report.asOf} as the tracker knew it at ${report.from} with what it knew at ${report.to}.`,
    'A correction changes the record itself (a corrected or retracted entry); a development is news recorded late.',
  ];
}

const REVISION_KINDS = { correction: 'Correction of the record', development: 'Development recorded late' };

export function describeRevisionEvent(event: RevisionEventView): string {
  return `#${event.seq} ${event.action} by ${event.actor} at ${event.recordedAt}${event.reason ? `: ${event.reason}` : ''}`;
}

// A difference as a table row (item, kind, before, after, events) for the people's formats.
export function revisionCells<Cell>(
  difference: RevisionDifference,
  standing: (view: StandingView | null) => Cell,
): [string, string, Cell, Cell, string] {
  return [
    difference.item,
    REVISION_KINDS[difference.kind],
    standing(difference.before),
    standing(difference.after),
    difference.events.map(describeRevisionEvent).join('\n'),
  ];
}
