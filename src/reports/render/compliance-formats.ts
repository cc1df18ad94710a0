import { stringify } from 'csv-stringify/sync';
import type { ComplianceReport } from '../compliance-report.view.js';
import { CHART_WIDTH, chartFrame } from './chart-frame.js';
import { averageCell, complianceNotes, complianceTitle, figure, percentCell, scoreCell } from './compliance-cells.js';
import { html, type SafeHtml } from './html.js';
import { htmlPage } from './html-page.js';
import { htmlTable } from './html-tables.js';
import { markdownCell } from './markdown.js';
import { scopeNotes } from './scope-notes.js';

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

export function complianceMarkdown(report: ComplianceReport): string {
  const row = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  const header = ['Item', ...report.parties, 'Average', 'Percent'];
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
    `## Members\n\n${report.members.map((member) => `- ${markdownCell(`${member.party}: ${figure(member)}`)}`).join('\n')}`,
  ];
  if (report.changes) {
    sections.push(
      `## Cells that moved (${report.changes.length})\n\n${report.changes
        .map(
          (change) =>
            `- ${markdownCell(`${change.item}, ${change.party}: ${scoreCell(change.from) || '—'} → ${scoreCell(change.to) || '—'}`)}`,
        )
        .join('\n')}`,
    );
  }
  const notes = [...scopeNotes(report), ...complianceNotes(report)].map((note) => `- ${markdownCell(note)}`);
  return `# ${markdownCell(complianceTitle(report))}\n\n${notes.join('\n')}\n\n${sections.join('\n\n')}\n`;
}

// Each score is written in its cell; the colour of the cell is a second cue only.
const SCORE_CLASS: Record<string, string> = { '+1': 'full', '0': 'partial', '-1': 'none', 'n/a': 'na' };

export function complianceHtml(report: ComplianceReport): string {
  return htmlPage({
    title: complianceTitle(report),
    notes: [...scopeNotes(report), ...complianceNotes(report)],
    sections: [...complianceSections(report)],
  });
}

function complianceSections(report: ComplianceReport): SafeHtml[] {
  const cell = (text: string) =>
    text === ''
      ? html`<span class="small">—</span>`
      : html`<span class="score ${SCORE_CLASS[text] ?? ''}">${text}</span>`;
  const sections = [
    html`<section>
      <h2>Overall: ${figure(report.overall)}</h2>
      ${membersChart(report)}
    </section>`,
    html`<section>
      <h2>Scores by item (${report.items.length})</h2>
      ${
        report.items.length === 0
          ? html`<p class="empty">No item has a score.</p>`
          : htmlTable(
              [
                { header: 'Item' },
                ...report.parties.map((party) => ({ header: party, kind: 'number' as const })),
                { header: 'Average', kind: 'number' as const },
                { header: 'Percent', kind: 'number' as const },
              ],
              [
                ...report.items.map((item) => [
                  item.slug,
                  ...report.parties.map((party) => cell(scoreCell(item.scores[party]?.score))),
                  averageCell(item.average),
                  percentCell(item.percent),
                ]),
                [
                  'Average',
                  ...report.members.map((member) => averageCell(member.average)),
                  averageCell(report.overall.average),
                  '',
                ],
                [
                  'Percent',
                  ...report.members.map((member) => percentCell(member.percent)),
                  '',
                  percentCell(report.overall.percent),
                ],
              ],
            )
      }
    </section>`,
  ];
  if (report.changes) {
    sections.push(
      html`<section>
        <h2>Cells that moved (${report.changes.length})</h2>
        ${htmlTable(
          [
            { header: 'Item' },
            { header: 'Party' },
            { header: 'Was', kind: 'number' },
            { header: 'Now', kind: 'number' },
          ],
          report.changes.map((change) => [
            change.item,
            change.party,
            scoreCell(change.from) || '—',
            scoreCell(change.to) || '—',
          ]),
        )}
      </section>`,
    );
  }
  return sections;
}

const LABEL_WIDTH = 150;
const VALUE_WIDTH = 110;
const BAR_HEIGHT = 16;
const ROW_HEIGHT = 24;

// Members ranked by average, best first (ties by slug), each bar drawn from -1 to +1 around 0 and
// labelled with its figure in words, so that the chart is read without colour.
function membersChart(report: ComplianceReport): SafeHtml {
  const ranked = report.members
    .filter((member) => member.average !== null)
    .sort((a, b) => (b.average ?? 0) - (a.average ?? 0) || (a.party < b.party ? -1 : 1));
  if (ranked.length === 0) {
    return html`<p class="empty">No member has a score.</p>`;
  }
  const half = (CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH) / 2;
  const zero = LABEL_WIDTH + half;
  const rows = ranked.map((member, index) => {
    const average = member.average ?? 0;
    const y = index * ROW_HEIGHT + 4;
    const width = Math.abs(average) * half;
    const x = average < 0 ? zero - width : zero;
    return html`<text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT - 4}" text-anchor="end" class="label"
        >${member.party}</text
      >
      <rect
        x="${x.toFixed(1)}"
        y="${y}"
        width="${width.toFixed(1)}"
        height="${BAR_HEIGHT}"
        fill="${average < 0 ? '#b91c1c' : '#15803d'}"
        ><title>${member.party}: ${figure(member)}</title></rect
      >
      <text x="${(zero + half + 6).toFixed(1)}" y="${y + BAR_HEIGHT - 4}" class="value"
        >${averageCell(member.average)} (${percentCell(member.percent)}%)</text
      >`;
  });
  return chartFrame(
    'Members ranked by average compliance',
    ranked.length * ROW_HEIGHT + 8,
    html`<line x1="${zero}" x2="${zero}" y1="0" y2="${ranked.length * ROW_HEIGHT + 8}" stroke="#334155" />${rows}`,
  );
}
