import type { ComponentChild } from 'preact';
import type { ComplianceReport } from '../../../reports/compliance-report.view.js';
import { averageCell, figure, percentCell, scoreCell } from '../../../reports/render/compliance-cells.js';
import { DataTable } from '../../../reports/render/data-table.js';
import type { PartyNames } from '../../../reports/render/party-names.js';
import { ItemLink } from '../parts/item-link.js';

// Items × parties (by name), then each party's average and percent.
export function Matrix({ report, names }: { readonly report: ComplianceReport; readonly names: PartyNames }) {
  type Row = { label: ComponentChild; cells: string[]; average: string; percent: string };
  const rows: Row[] = [
    ...report.items.map((item) => ({
      label: <ItemLink slug={item.slug} title={item.slug} />,
      cells: report.parties.map((party) => scoreCell(item.scores[party]?.score) || '—'),
      average: averageCell(item.average),
      percent: percentCell(item.percent),
    })),
    {
      label: 'Average',
      cells: report.members.map((member) => averageCell(member.average)),
      average: averageCell(report.overall.average),
      percent: '',
    },
    {
      label: 'Percent',
      cells: report.members.map((member) => percentCell(member.percent)),
      average: '',
      percent: percentCell(report.overall.percent),
    },
  ];
  return (
    <section aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">Scores as of {report.asOf}</h2>
      <p>
        Overall: {figure(report.overall)}. Scores: +1 full compliance, 0 partial, -1 none, n/a not applicable, — none
        recorded; averages leave out n/a and empty cells.
      </p>
      {report.items.length === 0 ? (
        <p>No item in scope has a score on this day.</p>
      ) : (
        <DataTable
          label="Compliance matrix"
          caption={`Compliance as of ${report.asOf}`}
          rows={rows}
          columns={[
            { header: 'Item', cell: (row) => row.label },
            ...report.parties.map((party, index) => ({
              header: names(party),
              cell: (row: Row) => row.cells[index] ?? '',
            })),
            { header: 'Average', cell: (row) => row.average },
            { header: 'Percent', cell: (row) => row.percent },
          ]}
        />
      )}
      {report.changes && (
        <>
          <h3>Moved since {report.compareTo}</h3>
          {report.changes.length === 0 ? (
            <p>No cell moved.</p>
          ) : (
            <DataTable
              label="Cells that moved"
              caption={`Cells that moved since ${report.compareTo ?? ''}`}
              rows={report.changes}
              columns={[
                { header: 'Item', cell: (change) => <ItemLink slug={change.item} /> },
                { header: 'Party', cell: (change) => names(change.party) },
                { header: 'Was', cell: (change) => scoreCell(change.from) || '—' },
                { header: 'Now', cell: (change) => scoreCell(change.to) || '—' },
              ]}
            />
          )}
        </>
      )}
    </section>
  );
}
