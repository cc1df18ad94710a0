import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { DataTable, noted, type Column } from './data-table.js';

interface Row {
  readonly text: string;
  readonly flag: boolean;
}

const USER = `<script>alert("x")</script> & co`;

describe('DataTable', () => {
  const columns: Column<Row>[] = [
    { header: 'Text "quoted"', cell: (row) => row.text },
    { header: 'List', kind: 'nowrap', cell: (row) => [row.text, ' → ', h('b', null, row.text)] },
    { header: 'Noted', kind: 'number', cell: (row) => noted(h('i', null, row.text), row.text) },
  ];

  it('renders the rows of its templates as preact renders elements, every value escaped once', () => {
    const markup = render(
      h(DataTable<Row>, {
        label: 'Rows',
        columns,
        rows: [
          { text: USER, flag: true },
          { text: 'plain', flag: false },
        ],
        rowClass: (row) => (row.flag ? 'flagged "row"' : undefined),
      }),
    );
    const escaped = '&lt;script>alert(&quot;x&quot;)&lt;/script> &amp; co';
    expect(markup).not.toContain('<script>');
    expect(markup).toContain(
      `<tr class="flagged &quot;row&quot;"><td data-label="Text &quot;quoted&quot;">${escaped}</td>` +
        `<td class="nowrap" data-label="List">${escaped} → <b>${escaped}</b></td>` +
        `<td class="number" data-label="Noted"><i>${escaped}</i><br/><small>${escaped}</small></td></tr>`,
    );
    expect(markup).toContain('<tr><td data-label="Text &quot;quoted&quot;">plain</td>');
    expect(markup).toMatch(/^<div class="table-wrap" role="region" aria-label="Rows" tabindex="0"><table><thead>/);
  });

  it('renders every row however many chunks they take', () => {
    const rows = Array.from({ length: 450 }, (_, index) => ({ text: `row ${index}`, flag: false }));
    const markup = render(h(DataTable<Row>, { label: 'Many', columns: columns.slice(0, 1), rows }));
    expect(markup.match(/<tr>/g)).toHaveLength(451);
    expect(markup).toContain('>row 449</td></tr></tbody>');
  });
});
