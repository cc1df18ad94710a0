import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { STANCE_CSS } from './stance-style.js';
import { STATE_SWATCH_CSS } from './state-style.js';

// Self-contained and printable: inline CSS (written without the characters preact escapes in text:
// no double quotes, no & or >), no scripts, no fonts or images fetched from anywhere.
// Read on a phone too: charts shrink with their viewBox, and below 40rem a table's rows stack, each
// cell named by its column, so the page never scrolls sideways.
const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif; color: #1e293b; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #cbd5e1; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
a { color: #1d4ed8; }
.notes { color: #475569; margin: 0; padding: 0; list-style: none; font-size: .85rem; }
.state { white-space: nowrap; }
.swatch { display: inline-block; width: .7rem; height: .7rem; margin-right: .35rem; vertical-align: baseline; }
.table-wrap { max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #e2e8f0; }
th { background: #f1f5f9; white-space: nowrap; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
td.text { white-space: pre-line; }
td.nowrap { white-space: nowrap; }
small, .small { font-size: .75rem; color: #475569; }
.chart { display: block; max-width: 100%; height: auto; margin: .5rem 0 1rem; }
.chart .label { font-size: 12px; fill: #1e293b; }
.chart .value, .chart .axis { font-size: 11px; fill: #475569; }
.chart .grid { stroke: #e2e8f0; }
.chart .axis-line { stroke: #94a3b8; }
.empty { color: #64748b; font-style: italic; }
.stance { white-space: nowrap; padding: 0 .25rem; border-radius: .2rem; }
${STANCE_CSS}
${STATE_SWATCH_CSS}
.score { font-weight: 600; padding: 0 .3rem; border-radius: .2rem; }
.score.full { background: #dcfce7; } .score.partial { background: #fef9c3; } .score.none { background: #fee2e2; } .score.na { color: #475569; }
.legend { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
footer { margin-top: 2rem; color: #64748b; font-size: .8rem; }
@media (max-width: 40rem) {
  body { margin: 1rem auto; }
  .table-wrap table, .table-wrap tbody, .table-wrap tr, .table-wrap td { display: block; }
  .table-wrap thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .table-wrap tr { border-bottom: 1px solid #cbd5e1; padding: .4rem 0; }
  .table-wrap td { border: 0; padding: .1rem 0; text-align: left; }
  .table-wrap td.number { text-align: left; }
  .table-wrap td::before { content: attr(data-label) ': '; font-weight: 600; }
}
@page { margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav, form, button { display: none !important; }
  h2, h3 { break-after: avoid; }
  .chart, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  a[href^='http']::after { content: ' (' attr(href) ')'; font-size: .8em; }
}
`;

// The page of every downloaded HTML report: its title, what a reader must know to trust it, then
// its sections.
export function ReportPage({
  title,
  notes,
  children,
}: {
  readonly title: string;
  readonly notes: readonly string[];
  readonly children: ComponentChildren;
}) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · policy-tracker`}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <header>
          <h1>{title}</h1>
          <ul class="notes">
            {notes.map((note) => (
              <li>{note}</li>
            ))}
          </ul>
        </header>
        <main>{children}</main>
        <footer>policy-tracker report, rebuilt from the append-only history.</footer>
      </body>
    </html>
  );
}

// preact escapes every text and attribute it renders.
export function renderReport(page: VNode): string {
  return `<!doctype html>${render(page)}`;
}
