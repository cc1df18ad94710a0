import { sampleChangesReport, sampleStatusReport } from '../../../test/support/report-fixtures.js';
import { changesHtml } from './changes-html.js';
import { statusHtml } from './status-html.js';

// Self-contained: nothing that would fetch or run anything.
function expectSelfContained(page: string): void {
  expect(page).toMatch(/^<!doctype html>/);
  expect(page).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|url\(|@import/i);
}

describe('HTML reports', () => {
  it('is a self-contained page with an SVG chart, items grouped by state and all user text escaped', () => {
    const page = statusHtml(sampleStatusReport());
    expectSelfContained(page);
    expect(page).toContain('<h1>Status as of 2010-11-21</h1>');
    expect(page).toMatch(/<svg\s+class="chart"[^>]*viewBox="0 0 720 \d+"[^>]*role="img"/);
    expect(page).toContain('&lt;script>alert(1)&lt;/script>');
    const heading = (label: string) => page.search(new RegExp(`${label}</span\\s*>\\s*\\(1\\)\\s*</h3>`));
    const agreed = heading('Agreed');
    const proposed = heading('Proposed');
    expect(proposed).toBeGreaterThan(-1);
    expect(agreed).toBeGreaterThan(proposed);
    expect(page.indexOf('radar-linking')).toBeGreaterThan(agreed);
  });

  it('keeps its stylesheet as written: narrow screens stack the rows, print hides forms and keeps rows whole', () => {
    const page = statusHtml(sampleStatusReport());
    const style = /<style>([^<]*)<\/style>/.exec(page)?.[1] ?? '';
    // preact escapes text; the stylesheet is written so that nothing in it is, or the CSS would break.
    expect(style).not.toMatch(/&\w+;/);
    expect(style).toContain('@media (max-width: 40rem)');
    expect(style).toMatch(/@media print \{[^@]*nav, form, button \{ display: none !important; \}/);
    expect(style).toMatch(/@media print \{[^@]*tr \{ break-inside: avoid; \}/);
    // Every table scrolls in a region of its own and names its column in each cell.
    expect(page).toMatch(/<div class="table-wrap" role="region" aria-label="[^"]+" tabindex="0"><table>/);
    expect(page).toContain('<td class="nowrap" data-label="Since">');
  });

  it('draws the counts before and after and a timeline for the changes report', () => {
    const page = changesHtml(sampleChangesReport());
    expectSelfContained(page);
    expect(page).toContain('<h1>Changes from 2010-11-20 to 2010-11-30</h1>');
    expect(page.match(/<svg\s+class="chart"/g)).toHaveLength(2);
    expect(page).toContain('<h2>Items per state over time</h2>');
    expect(page).toMatch(/<path d="M[\d.]+,[\d.]+ H[\d.]+ V[\d.]+ H[\d.]+" fill="none" stroke="#16a34a"/);
    expect(page).toContain('&lt;script>alert(1)&lt;/script>');
    expect(page).toContain('Transitions (1)');
  });
});
