/// <reference lib="dom" />
// The page callbacks below run inside the browser.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import {
  ARTIFACTS,
  CHROMIUM,
  CHROMIUM_ARGS,
  requireChromium,
  scrollsSideways,
  seriousAxeViolations,
} from './support/chromium.js';
import { makeItem, makeMeeting, uniqueSlug } from './support/factories.js';
import { ADMIN_TOKEN, bearer, startTestApp, type TestApp } from './support/test-app.js';

// The HTML reports as a person sees them: in a real (headless) browser, from the running server.
describe('HTML reports in a browser', () => {
  let t: TestApp;
  let base: string;
  let profile: string;
  let browser: BrowserContext;
  let category: string;

  beforeAll(async () => {
    requireChromium();
    t = await startTestApp();
    category = uniqueSlug('browser');
    const lisbon = await makeMeeting(t, { heldOn: '2010-11-20' });
    const items = [];
    for (const title of ['Link early-warning radars', '<script>window.pwned = true</script> Joint exercises', 'CFE']) {
      items.push(await makeItem(t, { category, title }));
    }
    const move = (slug: string, body: Record<string, unknown>) =>
      t.api
        .post(`/api/items/${slug}/transitions`)
        .set(...bearer())
        .send(body)
        .expect(200);
    const [radars, exercises, cfe] = items.map((item) => item.slug) as [string, string, string];
    await move(radars, { to: 'under_discussion', effectiveOn: '2010-10-15' });
    await move(radars, { to: 'agreed', meeting: lisbon.slug, source: 'Lisbon joint statement, para. 4' });
    await move(exercises, { to: 'agreed', meeting: lisbon.slug });
    await move(cfe, { to: 'deferred', reason: 'No agreement on flank limits yet.', meeting: lisbon.slug });
    await move(exercises, { to: 'implemented', effectiveOn: '2010-12-10' });
    for (const party of [
      { slug: 'nato', name: 'NATO', kind: 'organization' },
      { slug: 'russia', name: 'Russia', kind: 'state' },
    ]) {
      await t.api
        .post('/api/parties')
        .set(...bearer())
        .send(party)
        .expect(201);
    }
    const position = (slug: string, body: Record<string, unknown>) =>
      t.api
        .post(`/api/items/${slug}/positions`)
        .set(...bearer())
        .send(body)
        .expect(200);
    await position(radars, { party: 'nato', stance: 'supports', effectiveOn: '2010-10-15' });
    await position(radars, { party: 'russia', stance: 'opposes', effectiveOn: '2010-10-16' });
    await position(cfe, {
      party: 'russia',
      stance: 'conditional',
      meeting: lisbon.slug,
      statement: 'Flank limits first.',
    });

    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    mkdirSync(ARTIFACTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'policy-tracker-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1100, height: 900 },
      extraHTTPHeaders: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      args: CHROMIUM_ARGS,
    });
  }, 90_000);

  afterAll(async () => {
    // beforeAll may have failed before it set these.
    await (browser as BrowserContext | undefined)?.close();
    if (profile) {
      rmSync(profile, { recursive: true, force: true });
    }
    await (t as TestApp | undefined)?.close();
  });

  // Opens a report and checks it fetched nothing but itself and ran no script.
  async function open(path: string): Promise<Page> {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const response = await page.goto(`${base}${path}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(requested).toEqual([`${base}${path}`]);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await page.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined();
    return page;
  }

  async function texts(page: Page, selector: string): Promise<string[]> {
    return (await page.locator(selector).allInnerTexts()).map((text) => text.trim());
  }

  async function expectDrawn(page: Page, selector: string): Promise<void> {
    const box = await page.locator(selector).boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(box?.height).toBeGreaterThan(100);
  }

  it('shows the status with a bar chart and the items grouped by state', async () => {
    const page = await open(`/api/reports/status?asOf=2010-11-30&category=${category}&format=html`);
    expect(await page.title()).toBe('Status as of 2010-11-30 · policy-tracker');
    expect(await texts(page, 'h1')).toEqual(['Status as of 2010-11-30']);
    expect(await texts(page, 'h2')).toEqual(['Items per state', 'Items by state']);
    expect(await texts(page, 'h3')).toEqual(['Agreed (2)', 'Deferred (1)']);
    expect(await page.locator('svg.chart').count()).toBe(1);
    await expectDrawn(page, 'svg.chart');
    // One bar per state; the two states with items have visible bars.
    const widths = await page
      .locator('svg.chart rect')
      .evaluateAll((bars) => bars.map((bar) => (bar as SVGGraphicsElement).getBBox().width));
    expect(widths).toHaveLength(7);
    expect(widths.filter((width) => width > 0)).toHaveLength(2);
    expect(await page.getByText('<script>window.pwned = true</script> Joint exercises').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'report-status.png'), fullPage: true });
  });

  it('shows the changes with the counts before and after, a timeline and a printable page', async () => {
    const page = await open(`/api/reports/changes?from=2010-10-01&to=2010-12-31&category=${category}&format=html`);
    expect(await texts(page, 'h1')).toEqual(['Changes from 2010-10-01 to 2010-12-31']);
    expect(await texts(page, 'h2')).toEqual([
      'Items per state, before and after',
      'Items per state over time',
      'Transitions (5)',
      'Positions taken (3)',
    ]);
    expect(await page.locator('svg.chart').count()).toBe(2);
    await expectDrawn(page, 'svg.chart >> nth=0');
    await expectDrawn(page, 'svg.chart >> nth=1');
    // One step line per state that held items in the window, each spanning the whole window.
    const lines = await page
      .locator('svg.chart >> nth=1')
      .locator('path')
      .evaluateAll((paths) => paths.map((path) => (path as SVGGraphicsElement).getBBox().width));
    expect(lines).toHaveLength(5);
    for (const width of lines) {
      expect(width).toBeGreaterThan(500);
    }
    expect(await page.locator('table >> nth=1').locator('tbody tr').count()).toBe(5);
    await page.screenshot({ path: join(ARTIFACTS, 'report-changes.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', path: join(ARTIFACTS, 'report-changes.pdf') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows the positions as a matrix, one row per item, a column per party by name, each stance in words on screen and in print', async () => {
    const page = await open(`/api/reports/positions?asOf=2010-11-30&category=${category}&format=html`);
    expect(await texts(page, 'h1')).toEqual(['Positions as of 2010-11-30']);
    expect(await texts(page, 'h2')).toEqual(['Stances', 'Positions by item (3)']);
    const matrix = page.locator('table');
    expect(await texts(page, 'table th')).toEqual(['Item', 'Title', 'State', 'NATO', 'Russia']);
    const rows = await matrix
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
        ),
      );
    const titled = (start: string) => rows.find((row) => row[1]?.startsWith(start));
    const [radars, exercises, cfe] = [titled('Link'), titled('<script>'), titled('CFE')];
    expect(rows).toHaveLength(3);
    expect(exercises?.slice(3)).toEqual(['— No position', '— No position']);
    expect(radars?.slice(3)).toEqual(['✓ Supports since 2010-10-15', '✗ Opposes since 2010-10-16']);
    expect(cfe?.slice(3)).toEqual(['— No position', '≈ Conditional since 2010-11-20']);
    for (const row of rows) {
      expect(row[0]).toMatch(/^item-/);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'report-positions.png'), fullPage: true });
    // In print the stances stay words: the page prints without losing a cell's meaning.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByText('Opposes', { exact: false }).count()).toBeGreaterThan(0);
    const pdf = await page.pdf({ format: 'A4', path: join(ARTIFACTS, 'report-positions.pdf') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('reads at 375 px without sideways scrolling and passes axe, for every kind of report', async () => {
    for (const [name, path] of [
      ['status', `/api/reports/status?asOf=2010-11-30&category=${category}&format=html`],
      ['changes', `/api/reports/changes?from=2010-10-01&to=2010-12-31&category=${category}&format=html`],
      ['positions', `/api/reports/positions?asOf=2010-11-30&category=${category}&format=html`],
      ['revisions', `/api/reports/revisions?asOf=2010-11-30&from=2010-01-01T00:00:00Z&format=html`],
      ['compliance', '/api/reports/compliance?format=html'],
    ] as const) {
      const page = await open(path);
      await page.setViewportSize({ width: 375, height: 800 });
      expect({ name, sideways: await scrollsSideways(page) }).toEqual({ name, sideways: false });
      // Charts shrink to the screen; the tables' rows stack, each cell named by its column.
      for (const box of await page
        .locator('svg.chart')
        .evaluateAll((charts) => charts.map((chart) => chart.getBoundingClientRect().width))) {
        expect(box).toBeLessThanOrEqual(375);
      }
      const firstCell = page.locator('tbody td').first();
      if ((await firstCell.count()) > 0) {
        expect(await firstCell.evaluate((td) => getComputedStyle(td).display)).toBe('block');
        expect(await firstCell.evaluate((td) => getComputedStyle(td, '::before').content)).toMatch(/^".+: "$/);
      }
      expect({ name, violations: await seriousAxeViolations(page) }).toEqual({ name, violations: [] });
      await page.screenshot({ path: join(ARTIFACTS, `report-${name}-375.png`), fullPage: true });
      await page.close();
    }
  }, 120_000);

  it('prints with rows kept whole, headers repeated, no forms or navigation, and links written out', async () => {
    const page = await open(`/api/reports/changes?from=2010-10-01&to=2010-12-31&category=${category}&format=html`);
    // A report has no form, navigation or link of its own: one of each shows what print does to them.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        '<nav id="extra-nav">Nav</nav><form id="extra-form"><button>Go</button></form>' +
          '<p><a id="extra-link" href="https://example.org/source">the source</a></p>',
      );
    });
    const styles = () =>
      page.evaluate(() => ({
        row: getComputedStyle(document.querySelector('tbody tr') as Element).breakInside,
        head: getComputedStyle(document.querySelector('thead') as Element).display,
        wrap: getComputedStyle(document.querySelector('.table-wrap') as Element).overflowX,
        nav: getComputedStyle(document.querySelector('#extra-nav') as Element).display,
        form: getComputedStyle(document.querySelector('#extra-form') as Element).display,
        link: getComputedStyle(document.querySelector('#extra-link') as Element, '::after').content,
      }));
    expect(await styles()).toMatchObject({ row: 'auto', nav: 'block', form: 'block', link: 'none' });
    await page.emulateMedia({ media: 'print' });
    const print = await styles();
    expect(print).toMatchObject({
      row: 'avoid',
      head: 'table-header-group',
      wrap: 'visible',
      nav: 'none',
      form: 'none',
    });
    // The address is written after the link's text on paper.
    expect(print.link).toBe('" (https://example.org/source)"');
    await page.screenshot({ path: join(ARTIFACTS, 'report-changes-print.png'), fullPage: true });
    await page.close();
  });
});
