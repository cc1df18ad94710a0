import { WORKFLOW_STATES, type WorkflowState } from '../../workflow/workflow.definition.js';
import type { CountsSeries } from './bar-chart.js';
import { html, type SafeHtml } from './html.js';
import { stateColour, stateLabel } from './state-style.js';

export interface Column {
  readonly header: string;
  // `number` right-aligns; `text` keeps the line breaks of free text and may break long URLs;
  // `nowrap` keeps short values such as dates and states on one line.
  readonly kind?: 'number' | 'text' | 'nowrap';
}

type Cell = string | number | null | SafeHtml;

export function htmlTable(columns: readonly Column[], rows: readonly (readonly Cell[])[]): SafeHtml {
  const cellClass = (index: number) => columns[index]?.kind ?? false;
  return html`<table>
    <thead>
      <tr>
        ${columns.map((column) => html`<th class="${column.kind ?? false}">${column.header}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>
            ${row.map((cell, index) => html`<td class="${cellClass(index)}">${cell}</td>`)}
          </tr> `,
      )}
    </tbody>
  </table>`;
}

// A state's label with its chart colour.
function stateMarkup(state: WorkflowState): SafeHtml {
  return html`<span class="state"
    ><span class="swatch" style="background: ${stateColour(state)}"></span>${stateLabel(state)}</span
  >`;
}

// Built once per state: reports name one on every row.
const STATE_NAMES = Object.fromEntries(WORKFLOW_STATES.map((state) => [state, stateMarkup(state)])) as Readonly<
  Record<WorkflowState, SafeHtml>
>;

export function stateName(state: WorkflowState): SafeHtml {
  return STATE_NAMES[state];
}

// One row per workflow state, one column per series, and the totals.
export function countsTable(series: readonly CountsSeries[]): SafeHtml {
  const total = (one: CountsSeries) => WORKFLOW_STATES.reduce((sum, state) => sum + one.counts[state], 0);
  return htmlTable(
    [{ header: 'State' }, ...series.map((one) => ({ header: one.label, kind: 'number' as const }))],
    [
      ...WORKFLOW_STATES.map((state) => [stateName(state), ...series.map((one) => one.counts[state])]),
      [html`<strong>Total</strong>`, ...series.map((one) => html`<strong>${total(one)}</strong>`)],
    ],
  );
}
