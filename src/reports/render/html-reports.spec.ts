import {
  SAMPLE_PARTY_NAMES,
  sampleChangesReport,
  samplePositionsReport,
  sampleStatusReport,
} from '../../../test/support/report-fixtures.js';
import { changesHtml } from './changes-html.js';
import { positionsHtml } from './positions-html.js';
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
    const page = changesHtml(sampleChangesReport(), SAMPLE_PARTY_NAMES);
    expectSelfContained(page);
    expect(page).toContain('<h1>Changes from 2010-11-20 to 2010-11-30</h1>');
    expect(page.match(/<svg\s+class="chart"/g)).toHaveLength(2);
    expect(page).toContain('<h2>Items per state over time</h2>');
    expect(page).toMatch(/<path d="M[\d.]+,[\d.]+ H[\d.]+ V[\d.]+ H[\d.]+" fill="none" stroke="#16a34a"/);
    expect(page).toContain('&lt;script>alert(1)&lt;/script>');
    expect(page).toContain('Transitions (1)');
    expect(page).toContain('<td data-label="Party">Russian Federation</td>');
  });

  it('names each party of the positions matrix, its stances by class and each note under its stance', () => {
    const page = positionsHtml(samplePositionsReport(), SAMPLE_PARTY_NAMES);
    expectSelfContained(page);
    // A party the names do not know keeps its slug rather than an empty header.
    for (const party of ['germany', 'Russian Federation', 'United States']) {
      expect(page).toContain(`<th scope="col" class="nowrap">${party}</th>`);
    }
    expect(page).toContain(
      '<td class="nowrap" data-label="Russian Federation"><span class="stance conditional"><span aria-hidden="true">≈</span> Conditional</span><br/><small>since 2010-11-20</small></td>',
    );
    expect(page).toContain('<td class="nowrap" data-label="germany"><small>— No position</small></td>');
    // Each stance's colour is one rule of the stylesheet, not an attribute of every cell.
    expect(page).toContain('.stance.conditional { background: #fef9c3; }');
    expect(page).not.toContain('style=');
  });
});
