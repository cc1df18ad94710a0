import type { ComponentChildren } from 'preact';

export interface Column<T> {
  readonly header: string;
  readonly cell: (row: T) => ComponentChildren;
  // `number` right-aligns; `text` keeps the line breaks of free text and may break long URLs;
  // `nowrap` keeps short values such as dates and states on one line.
  readonly kind?: 'number' | 'text' | 'nowrap';
}

// Every table of the reports and the console: column headers, one row per entry, in a region that
// scrolls alone when it is wider than a phone, never the page. Each cell names its column for the
// narrow screens' stacked rows.
export function DataTable<T>({
  label,
  caption,
  columns,
  rows,
  rowKey,
  rowClass,
}: {
  readonly label: string;
  readonly caption?: string;
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
  readonly rowKey?: (row: T, index: number) => string | number;
  readonly rowClass?: (row: T) => string | undefined;
}) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" class={column.kind}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey?.(row, index) ?? index} class={rowClass?.(row)}>
              {columns.map((column) => (
                <td key={column.header} class={column.kind} data-label={column.header}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
