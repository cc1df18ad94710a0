import { stateColour } from '../../reports/render/state-style.js';
import { WORKFLOW_STATES } from '../../workflow/workflow.definition.js';

// Each state's colour, the reports' own, as a class: no inline style attribute is needed.
const STATE_COLOURS = WORKFLOW_STATES.map((state) => `.state-${state} { --state-colour: ${stateColour(state)}; }`).join(
  '\n',
);

// The console's one stylesheet: readable at 375 px wide, visible focus everywhere, and print
// styles that leave out the navigation and the forms.
export const CONSOLE_STYLESHEET = `
*, *::before, *::after { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #0f172a; background: #fff; line-height: 1.5; }
body { margin: 0; }
a { color: #1d4ed8; }
a:hover { color: #1e3a8a; }
:focus-visible, input:focus, input:focus-within, select:focus, textarea:focus { outline: 3px solid #b45309; outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; }
.skip:focus { left: .5rem; z-index: 10; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding: .75rem 1rem; background: #0f172a; color: #f8fafc; }
.top a { color: #f8fafc; }
.top a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
.top :focus-visible { outline-color: #fbbf24; }
.brand { font-weight: 700; }
.top nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; list-style: none; }
.sign-out { display: flex; align-items: center; gap: .5rem; margin-left: auto; }
.who { font-size: .875rem; color: #cbd5e1; overflow-wrap: anywhere; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
main:focus { outline: none; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .25rem; }
p, li, dd { overflow-wrap: anywhere; }
td, th { overflow-wrap: break-word; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
form + form, form.stack + form { margin-top: 1.5rem; }
button, .button { font: inherit; padding: .45rem .9rem; border: 2px solid #1d4ed8; border-radius: .3rem; background: #1d4ed8; color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary, .button.secondary { background: #fff; color: #1d4ed8; }
button.danger { background: #b91c1c; border-color: #b91c1c; }
details.form-details > summary { cursor: pointer; }
details.form-details > summary > h2 { display: inline; }
.event-actions { display: flex; gap: 1rem; flex-wrap: wrap; margin: .25rem 0 0; }
a.danger-link { color: #b91c1c; font-weight: 600; }
.warning { border-left: 4px solid #b91c1c; padding-left: .75rem; }
.error-summary:focus { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.top button { background: #f8fafc; color: #0f172a; border-color: #f8fafc; padding: .25rem .6rem; }
form.stack { display: grid; gap: .75rem; max-width: 40rem; }
.field { display: grid; gap: .25rem; }
.field label, .label { font-weight: 600; }
.hint { margin: 0; font-size: .875rem; color: #475569; }
input, select, textarea { font: inherit; padding: .4rem .5rem; border: 1px solid #64748b; border-radius: .25rem; width: 100%; max-width: 40rem; background: #fff; color: #0f172a; }
input[type="file"] { border-style: dashed; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin-bottom: 1rem; }
.filters .field { flex: 1 1 10rem; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.inline { display: inline; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #cbd5e1; }
th { background: #f1f5f9; }
.table-wrap { max-width: 100%; overflow-x: auto; }
dl.fields { display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: .25rem 1rem; }
dl.fields dt { font-weight: 600; }
dl.fields dd { margin: 0; }
${STATE_COLOURS}
.state { display: inline-block; padding: 0 .4rem; border-left: .4rem solid var(--state-colour, #64748b); background: #f1f5f9; white-space: nowrap; }
.error-summary { border: 3px solid #b91c1c; padding: .5rem 1rem; margin: 1rem 0; background: #fef2f2; }
.error-summary h2 { margin-top: 0; color: #991b1b; }
.notice { border: 3px solid #15803d; padding: .5rem 1rem; margin: 1rem 0; background: #f0fdf4; }
.secret { font-family: ui-monospace, monospace; font-size: 1rem; }
.hash { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
.failed { background: #fef2f2; }
.failure { color: #991b1b; font-weight: 600; }
.timeline { list-style: none; padding: 0; margin: 0; border-left: 3px solid #cbd5e1; }
.timeline > li { margin: 0 0 1rem; padding-left: 1rem; }
.timeline h3 { margin: 0; }
.meta { font-size: .875rem; color: #475569; margin: .1rem 0; }
.columns { display: grid; gap: 1rem 2rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); }
.counts { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; list-style: none; }
.pager { display: flex; gap: 1rem; flex-wrap: wrap; }
svg.chart { max-width: 100%; height: auto; }
svg.chart text { font-size: 13px; fill: #0f172a; }
/* On a phone each row becomes a block, each value under its column's name. */
@media (max-width: 40rem) {
  .table-wrap table, .table-wrap caption, .table-wrap tbody, .table-wrap tr, .table-wrap td { display: block; }
  .table-wrap thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .table-wrap tr { border-bottom: 1px solid #cbd5e1; padding: .5rem 0; }
  .table-wrap td { border: 0; padding: .1rem 0; }
  .table-wrap td::before { content: attr(data-label) ": "; font-weight: 600; }
}
@media print {
  .top, .skip, form, .no-print, button { display: none !important; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .table-wrap { overflow: visible; }
  th { background: none; }
}
`;
