import { dayBefore } from '../../common/calendar-date.js';
import { WORKFLOW_STATES } from '../../workflow/workflow.definition.js';
import type { ChangesReport } from '../changes-report.view.js';
import type { RevisionsReport, StandingView } from '../revisions-report.view.js';
import type { StateCounts, StatusReport } from '../status-report.view.js';
import type { PositionsReport } from '../positions-report.view.js';
import {
  changesTitle,
  positionsTitle,
  revisionCells,
  revisionsNotes,
  revisionsTitle,
  statusTitle,
} from './report-titles.js';
import type { PartyNames } from './party-names.js';
import { stanceLabel } from './stance-style.js';
import { scopeNotes } from './scope-notes.js';
import { stateLabel } from './state-style.js';

type Cell = string | number | null;

// A cell stays one cell: pipes and backslashes are escaped, line breaks become <br>, a < is
// escaped so that user text never turns into HTML where the Markdown is rendered, and brackets so
// that it never becomes a link or an image (`[x](javascript:…)`, `![x](http://tracker…)`).
export function markdownCell(value: Cell): string {
  if (value === null) {
    return '';
  }
  return String(value)
    .replace(/[\\|<[\]]/g, (character) => `\\${character}`)
    .replace(/\r\n|\r|\n/g, '<br>');
}

function markdownTable(headers: readonly string[], rows: readonly (readonly Cell[])[], numeric = 0): string {
  const alignments = headers.map((_, index) => (index >= headers.length - numeric ? '--:' : '---'));
  return [headers.map(markdownCell), alignments, ...rows.map((row) => row.map(markdownCell))]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');
}

function countsTable(series: ReadonlyArray<{ label: string; counts: StateCounts }>): string {
  const total = (counts: StateCounts) => WORKFLOW_STATES.reduce((sum, state) => sum + counts[state], 0);
  return markdownTable(
    ['State', ...series.map((one) => one.label)],
    [
      ...WORKFLOW_STATES.map((state) => [stateLabel(state), ...series.map((one) => one.counts[state])]),
      ['Total', ...series.map((one) => total(one.counts))],
    ],
    series.length,
  );
}

function document(title: string, notes: readonly string[], sections: readonly string[]): string {
  return [`# ${markdownCell(title)}`, notes.map((note) => `- ${markdownCell(note)}`).join('\n'), ...sections].join(
    '\n\n',
  );
}

export function statusMarkdown(report: StatusReport): string {
  return `${document(statusTitle(report), scopeNotes(report), [
    '## Items per state',
    countsTable([{ label: 'Items', counts: report.counts }]),
    '## Items',
    markdownTable(
      ['Item', 'Title', 'Category', 'Proposed by', 'State', 'Since', 'Last reason'],
      report.items.map((item) => [
        item.slug,
        item.title,
        item.category,
        item.proposedBy,
        stateLabel(item.state),
        item.since,
        item.lastReason,
      ]),
    ),
  ])}\n`;
}

export function positionsMarkdown(report: PositionsReport, names: PartyNames): string {
  return `${document(
    positionsTitle(report),
    [...scopeNotes(report), ...(report.divergent ? ['Only the items where parties pull apart.'] : [])],
    [
      `## Positions by item (${report.items.length})`,
      markdownTable(
        ['Item', 'Title', 'State', ...report.parties.map(names)],
        report.items.map((item) => [
          item.slug,
          item.title,
          stateLabel(item.state),
          ...report.parties.map((party) => {
            const cell = item.positions[party];
            return cell ? `${stanceLabel(cell.stance)} (since ${cell.since})` : '—';
          }),
        ]),
      ),
    ],
  )}\n`;
}

export function changesMarkdown(report: ChangesReport, names: PartyNames): string {
  return `${document(changesTitle(report), scopeNotes(report), [
    '## Items per state, before and after',
    countsTable([
      { label: `Before (${dayBefore(report.from)})`, counts: report.countsBefore },
      { label: `After (${report.to})`, counts: report.countsAfter },
    ]),
    `## Transitions (${report.transitions.length})`,
    markdownTable(
      ['Effective', 'Item', 'Title', 'From', 'To', 'Reason', 'Meeting', 'Source'],
      report.transitions.map((change) => [
        change.effectiveOn,
        change.item,
        change.title,
        stateLabel(change.fromState),
        stateLabel(change.toState),
        change.reason,
        change.meeting,
        change.source,
      ]),
    ),
    `## Positions taken (${report.positions.length})`,
    markdownTable(
      ['Effective', 'Item', 'Party', 'From', 'To', 'Statement', 'Meeting', 'Source'],
      report.positions.map((position) => [
        position.effectiveOn,
        position.item,
        names(position.party),
        position.fromStance === null ? '—' : stanceLabel(position.fromStance),
        stanceLabel(position.toStance),
        position.statement,
        position.meeting,
        position.source,
      ]),
    ),
  ])}\n`;
}

export function revisionsMarkdown(report: RevisionsReport): string {
  const standing = (view: StandingView | null) =>
    view ? `${stateLabel(view.state)} since ${view.since}` : 'not listed';
  return `${document(revisionsTitle(report), revisionsNotes(report), [
    `## Differences (${report.differences.length})`,
    markdownTable(
      ['Item', 'Kind', 'Before', 'After', 'Events'],
      report.differences.map((difference) => revisionCells(difference, standing)),
    ),
  ])}\n`;
}
