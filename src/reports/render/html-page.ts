import { SafeHtml, html } from './html.js';

// Self-contained and printable: inline CSS, no scripts, no fonts or images fetched from anywhere.
const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1e293b; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #cbd5e1; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
.notes { color: #475569; margin: 0; padding: 0; list-style: none; font-size: .85rem; overflow-wrap: anywhere; }
.state { white-space: nowrap; }
.swatch { display: inline-block; width: .7rem; height: .7rem; margin-right: .35rem; vertical-align: baseline; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #e2e8f0; }
th { background: #f1f5f9; white-space: nowrap; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
td.text { white-space: pre-line; overflow-wrap: anywhere; }
td.nowrap { white-space: nowrap; }
.small { font-size: .75rem; color: #475569; }
.chart { display: block; max-width: 100%; height: auto; margin: .5rem 0 1rem; }
.chart .label { font-size: 12px; fill: #1e293b; }
.chart .value, .chart .axis { font-size: 11px; fill: #475569; }
.chart .grid { stroke: #e2e8f0; }
.chart .axis-line { stroke: #94a3b8; }
.empty { color: #64748b; font-style: italic; }
.stance { white-space: nowrap; padding: 0 .25rem; border-radius: .2rem; }
.score { font-weight: 600; padding: 0 .3rem; border-radius: .2rem; }
.score.full { background: #dcfce7; } .score.partial { background: #fef9c3; } .score.none { background: #fee2e2; } .score.na { color: #475569; }
.legend { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
footer { margin-top: 2rem; color: #64748b; font-size: .8rem; }
@page { margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  .chart, tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;

export interface HtmlPage {
  readonly title: string;
  readonly notes: readonly string[];
  readonly sections: readonly SafeHtml[];
}

export function htmlPage(page: HtmlPage): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${page.title} · policy-tracker</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <header>
          <h1>${page.title}</h1>
          <ul class="notes">
            ${page.notes.map((note) => html`<li>${note}</li>`)}
          </ul>
        </header>
        <main>${page.sections}</main>
        <footer>policy-tracker report, rebuilt from the append-only history.</footer>
      </body>
    </html> `.markup;
}
