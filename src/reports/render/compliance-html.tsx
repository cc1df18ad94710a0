import type { ComplianceReport } from '../compliance-report.view.js';
import { CHART_WIDTH, ChartFrame } from './chart-frame.js';
import { averageCell, complianceNotes, complianceTitle, figure, percentCell, scoreCell } from './compliance-cells.js';
import { DataTable, type Column } from './data-table.js';
import type { PartyNames } from './party-names.js';
import { ReportPage, renderReport } from './report-page.js';
import { scopeNotes } from './scope-notes.js';

export function complianceHtml(report: ComplianceReport, names: PartyNames): string {
  return renderReport(<ComplianceReportPage report={report} names={names} />);
}

// Each score is written in its cell; the colour of the cell is a second cue only.
const SCORE_CLASS: Record<string, string> = { '+1': 'full', '0': 'partial', '-1': 'none', 'n/a': 'na' };

function ScoreCell({ text }: { readonly text: string }) {
  return text === '' ? <span class="small">—</span> : <span class={`score ${SCORE_CLASS[text] ?? ''}`}>{text}</span>;
}

// The matrix's rows: each item, then the members' averages and percentages (one member per party,
// in the parties' order).
type MatrixRow =
  | { readonly kind: 'item'; readonly item: ComplianceReport['items'][number] }
  | { readonly kind: 'average' | 'percent' };

function ComplianceReportPage({ report, names }: { readonly report: ComplianceReport; readonly names: PartyNames }) {
  const rows: MatrixRow[] = [
    ...report.items.map((item) => ({ kind: 'item' as const, item })),
    { kind: 'average' },
    { kind: 'percent' },
  ];
  return (
    <ReportPage title={complianceTitle(report)} notes={[...scopeNotes(report), ...complianceNotes(report)]}>
      <section>
        <h2>Overall: {figure(report.overall)}</h2>
        <MembersChart report={report} names={names} />
      </section>
      <section>
        <h2>Scores by item ({report.items.length})</h2>
        {report.items.length === 0 ? (
          <p class="empty">No item has a score.</p>
        ) : (
          <DataTable<MatrixRow>
            label="Scores by item"
            rows={rows}
            columns={[
              {
                header: 'Item',
                cell: (row) => (row.kind === 'item' ? row.item.slug : row.kind === 'average' ? 'Average' : 'Percent'),
              },
              ...report.members.map((member) => ({
                header: names(member.party),
                kind: 'number' as const,
                cell: (row: MatrixRow) =>
                  row.kind === 'item' ? (
                    <ScoreCell text={scoreCell(row.item.scores[member.party]?.score)} />
                  ) : row.kind === 'average' ? (
                    averageCell(member.average)
                  ) : (
                    percentCell(member.percent)
                  ),
              })),
              overallColumn('Average', 'average', averageCell, report.overall),
              overallColumn('Percent', 'percent', percentCell, report.overall),
            ]}
          />
        )}
      </section>
      {report.changes && (
        <section>
          <h2>Cells that moved ({report.changes.length})</h2>
          <DataTable
            label="Cells that moved"
            rows={report.changes}
            columns={[
              { header: 'Item', cell: (change) => change.item },
              { header: 'Party', cell: (change) => names(change.party) },
              { header: 'Was', kind: 'number', cell: (change) => scoreCell(change.from) || '—' },
              { header: 'Now', kind: 'number', cell: (change) => scoreCell(change.to) || '—' },
            ]}
          />
        </section>
      )}
    </ReportPage>
  );
}

// An item's average or percent on its row; the overall one on the row of the same figure, nothing on
// the other.
function overallColumn(
  header: string,
  figure: 'average' | 'percent',
  text: (value: number | null) => string,
  overall: ComplianceReport['overall'],
): Column<MatrixRow> {
  return {
    header,
    kind: 'number',
    cell: (row) => (row.kind === 'item' ? text(row.item[figure]) : row.kind === figure ? text(overall[figure]) : ''),
  };
}

const LABEL_WIDTH = 150;
const VALUE_WIDTH = 110;
const BAR_HEIGHT = 16;
const ROW_HEIGHT = 24;

// Members ranked by average, best first (ties by slug), each bar drawn from -1 to +1 around 0 and
// labelled with its figure in words, so that the chart is read without colour.
function MembersChart({ report, names }: { readonly report: ComplianceReport; readonly names: PartyNames }) {
  const ranked = report.members
    .filter((member) => member.average !== null)
    .sort((a, b) => (b.average ?? 0) - (a.average ?? 0) || (a.party < b.party ? -1 : 1));
  if (ranked.length === 0) {
    return <p class="empty">No member has a score.</p>;
  }
  const half = (CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH) / 2;
  const zero = LABEL_WIDTH + half;
  const height = ranked.length * ROW_HEIGHT + 8;
  return (
    <ChartFrame title="Members ranked by average compliance" height={height}>
      <line x1={zero} x2={zero} y1="0" y2={height} stroke="#334155" />
      {ranked.map((member, index) => {
        const average = member.average ?? 0;
        const y = index * ROW_HEIGHT + 4;
        const width = Math.abs(average) * half;
        return (
          <>
            <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT - 4} text-anchor="end" class="label">
              {names(member.party)}
            </text>
            <rect
              x={(average < 0 ? zero - width : zero).toFixed(1)}
              y={y}
              width={width.toFixed(1)}
              height={BAR_HEIGHT}
              fill={average < 0 ? '#b91c1c' : '#15803d'}
            >
              <title>{`${names(member.party)}: ${figure(member)}`}</title>
            </rect>
            <text x={(zero + half + 6).toFixed(1)} y={y + BAR_HEIGHT - 4} class="value">
              {`${averageCell(member.average)} (${percentCell(member.percent)}%)`}
            </text>
          </>
        );
      })}
    </ChartFrame>
  );
}
