import type { ComponentChildren, VNode } from 'preact';
import { jsxAttr, jsxEscape, jsxTemplate } from 'preact/jsx-runtime';

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
  rowClass,
}: {
  readonly label: string;
  readonly caption?: string;
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
  readonly rowClass?: (row: T) => string | undefined;
}) {
  const template = rowTemplate(columns);
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
          {Array.from({ length: Math.ceil(rows.length / CHUNK_ROWS) }, (_, chunk) => (
            <Rows
              rows={rows.slice(chunk * CHUNK_ROWS, (chunk + 1) * CHUNK_ROWS)}
              columns={columns}
              template={template}
              rowClass={rowClass}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

// Rows are made a chunk at a time, as each chunk renders, and dropped right after: a report's tens of
// thousands of rows never all live at once (which made rendering mostly garbage collection).
const CHUNK_ROWS = 200;

function Rows<T>({
  rows,
  columns,
  template,
  rowClass,
}: {
  readonly rows: readonly T[];
  readonly columns: readonly Column<T>[];
  readonly template: readonly string[];
  readonly rowClass?: (row: T) => string | undefined;
}) {
  return (
    <>
      {rows.map((row) =>
        jsxTemplate(
          template as string[],
          attribute('class', rowClass?.(row)),
          ...columns.map((column) => child(column.cell(row))),
        ),
      )}
    </>
  );
}

// A report's tables have tens of thousands of rows: each row is rendered from one template of its
// markup (preact's precompiled-JSX form, the one its JSX precompiler emits), its class and cells
// filled in by preact, which escapes them (jsxAttr, jsxEscape), instead of as a tree of an element
// per cell. The same markup as <tr class><td class data-label>{cell}</td>…</tr>, at a fraction of
// the allocations.
function rowTemplate<T>(columns: readonly Column<T>[]): string[] {
  return [
    '<tr',
    ...columns.map(
      (column, index) =>
        `${index === 0 ? '>' : '</td>'}<td${attribute('class', column.kind)}${attribute('data-label', column.header)}>`,
    ),
    '</td></tr>',
  ];
}

// ` name="value"`, escaped by preact, or nothing for no value.
function attribute(name: string, value: string | undefined): string {
  const markup = jsxAttr(name, value);
  return markup ? ` ${markup}` : '';
}

const NOTED = ['', '<br/><small>', '</small>'];

// A cell's value with a small note under it (a stance and since when, who and when recorded), in
// the same precompiled form as the rows: the positions matrix has one in most of its cells.
export function noted(value: ComponentChildren, note: string): VNode {
  return jsxTemplate(NOTED, child(value), child(note)) as VNode;
}

// A template's child: text escaped by preact; an element or a list rendered by it (a list's text is
// escaped as it renders, so it is not escaped here too).
function child(value: ComponentChildren): ComponentChildren {
  return Array.isArray(value) ? value : jsxEscape(value);
}
