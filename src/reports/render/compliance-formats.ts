import { stringify } from 'csv-stringify/sync';
import type { ComplianceReport } from '../compliance-report.view.js';
import { averageCell, complianceNotes, complianceTitle, figure, percentCell, scoreCell } from './compliance-cells.js';
import { markdownCell } from './markdown.js';
import type { PartyNames } from './party-names.js';
import { scopeNotes } from './scope-notes.js';

// The HTML page is made of the reports' preact components; render-report.ts takes every format from here.
export { complianceHtml } from './compliance-html.js';

// A cell that is exactly a number (-1, +0.40) is written as it is; any other cell starting with
// = + - @ (an item slug never does) gets the leading ' of every CSV answer.
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

function csvCell(text: string): string {
  return !NUMBER.test(text) && /^[=+\-@]/.test(text) ? `'${text}` : text;
}

// The published matrix: item,<parties…>,average,percent; one row per item; then a row `average`
// with each member's average and the overall one, and a row `percent`.
export function complianceCsv(report: ComplianceReport): string {
  const rows = [
    ['item', ...report.parties, 'average', 'percent'],
    ...report.items.map((item) => [
      item.slug,
      ...report.parties.map((party) => scoreCell(item.scores[party]?.score)),
      averageCell(item.average),
      percentCell(item.percent),
    ]),
    [
      'average',
      ...report.members.map((member) => averageCell(member.average)),
      averageCell(report.overall.average),
      '',
    ],
    [
      'percent',
      ...report.members.map((member) => percentCell(member.percent)),
      '',
      percentCell(report.overall.percent),
    ],
  ];
  return stringify(
    rows.map((row) => row.map(csvCell)),
    { record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}

export function complianceMarkdown(report: ComplianceReport, names: PartyNames): string {
  const row = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  const header = ['Item', ...report.parties.map(names), 'Average', 'Percent'];
  const table = [
    row(header),
    `| --- | ${header
      .slice(1)
      .map(() => '--:')
      .join(' | ')} |`,
    ...report.items.map((item) =>
      row([
        item.slug,
        ...report.parties.map((party) => scoreCell(item.scores[party]?.score) || '—'),
        averageCell(item.average),
        percentCell(item.percent),
      ]),
    ),
    row([
      'Average',
      ...report.members.map((member) => averageCell(member.average)),
      averageCell(report.overall.average),
      '',
    ]),
    row([
      'Percent',
      ...report.members.map((member) => percentCell(member.percent)),
      '',
      percentCell(report.overall.percent),
    ]),
  ].join('\n');
  const sections = [
    `## Overall\n\n${markdownCell(figure(report.overall))}`,
    `## Scores by item (${report.items.length})\n\n${table}`,
    `## Members\n\n${report.members.map((member) => `- ${markdownCell(`${names(member.party)}: ${figure(member)}`)}`).join('\n')}`,
  ];
  if (report.changes) {
    sections.push(
      `## Cells that moved (${report.changes.length})\n\n${report.changes
        .map(
          (change) =>
            `- ${markdownCell(`${change.item}, ${names(change.party)}: ${scoreCell(change.from) || '—'} → ${scoreCell(change.to) || '—'}`)}`,
        )
        .join('\n')}`,
    );
  }
  const notes = [...scopeNotes(report), ...complianceNotes(report)].map((note) => `- ${markdownCell(note)}`);
  return `# ${markdownCell(complianceTitle(report))}\n\n${notes.join('\n')}\n\n${sections.join('\n\n')}\n`;
}
