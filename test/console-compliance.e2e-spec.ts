/// <reference lib="dom" />
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, scrollsSideways, seriousAxeViolations, unlabelledControls } from './support/chromium.js';
import { csrfOf, signIn as signInHttp } from './support/console-session.js';
import { historyOf, makeToken } from './support/factories.js';
import { ADMIN_TOKEN, bearer, startTestApp, type TestApp } from './support/test-app.js';

// The compliance pages in Chromium, with JavaScript off, on the seeded data: the matrix, the scores
// upload (dry run, then apply once), an edition published and listed, and an item's assessment form.
describe('The console: compliance and editions', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let files: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startTestApp({ TRACKER_SEED: 'true', AUTH_FAILURE_LIMIT: '1000' });
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    files = mkdtempSync(join(tmpdir(), 'console-compliance-'));
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser.close();
    rmSync(files, { recursive: true, force: true });
    await t.close();
  });

  // JavaScript off, unless axe is to run in the page.
  async function adminPage(width = 1100, javaScriptEnabled = false): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in with token' }).click();
    await page.waitForURL(`${base}/`);
    return page;
  }

  async function expectUsable(page: Page, name: string): Promise<void> {
    expect({ name, violations: await seriousAxeViolations(page) }).toEqual({ name, violations: [] });
    expect({ name, unlabelled: await unlabelledControls(page) }).toEqual({ name, unlabelled: [] });
    expect({ name, sideways: await scrollsSideways(page) }).toEqual({ name, sideways: false });
  }

  it('previews every cell a scores file would change, writes nothing, then applies it once', async () => {
    const page = await adminPage();
    await page.goto(`${base}/compliance`);
    const matrix = join(files, 'interim.csv');
    writeFileSync(matrix, 'item,nato,russia\njoint-threat-review,+1,0\nmissile-defense-cooperation,n/a,-1\n');
    await page.getByLabel('Scores file').setInputFiles(matrix);
    await page.getByLabel('Assessed on').fill('2011-06-30');
    await page.getByRole('button', { name: 'Dry run' }).click();
    const preview = page.getByRole('table', { name: 'Preview: every cell that would change' });
    expect(await preview.locator('tbody tr').count()).toBe(4);
    expect(await preview.innerText()).toContain('none → -1');
    expect((await historyOf(t, 'joint-threat-review')).some((event) => event.action === 'assessed')).toBe(false);
    await page.getByRole('button', { name: 'Apply' }).click();
    expect(await page.getByRole('status').innerText()).toMatch(
      /4 scores recorded, effective 2011-06-30, as one batch: \d{4}-\d\d-\d\d \d\d:\d\d UTC \(reference [0-9a-f-]{36}\)/,
    );
    // Posted again (a reload, a double click): the first answer, nothing applied twice.
    await page.reload();
    const assessed = (await historyOf(t, 'joint-threat-review')).filter((event) => event.action === 'assessed');
    expect(assessed).toHaveLength(2);
    await page.goto(`${base}/compliance?asOf=2011-06-30`);
    const table = page.getByRole('table', { name: 'Compliance as of 2011-06-30' });
    expect(await table.innerText()).toContain('+0.50');
    // The parties' columns are headed with their names, as people know them.
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([
      'Item',
      'NATO',
      'Russia',
      'Average',
      'Percent',
    ]);
    // The Parties filter takes slugs in column order, and names the known ones beside their slugs.
    expect(await page.locator('#compliance-parties-hint').innerText()).toContain('nato (NATO), russia (Russia)');
    expect(await page.locator('main').innerText()).toContain('Overall: 0.00 (50%)');
  }, 60_000);

  it('refuses a file with a bad cell, naming it, and writes nothing', async () => {
    const page = await adminPage();
    await page.goto(`${base}/compliance`);
    const bad = join(files, 'bad.csv');
    writeFileSync(bad, 'item,nato\njoint-threat-review,yes\n');
    await page.getByLabel('Scores file').setInputFiles(bad);
    await page.getByLabel('Assessed on').fill('2011-12-31');
    await page.getByRole('button', { name: 'Dry run' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('joint-threat-review, nato (line 2)');
  });

  it('publishes an edition, lists it with its four formats, and compares the matrix with it', async () => {
    const page = await adminPage();
    await page.goto(`${base}/editions`);
    await page.getByLabel('Edition slug').fill('interim-console');
    await page.getByLabel('Title').fill('Interim, from the console');
    await page.getByLabel('Report').selectOption('compliance');
    await page.getByLabel('As of').fill('2011-06-30');
    await page.getByRole('button', { name: 'Publish edition' }).click();
    expect(await page.getByRole('status').innerText()).toContain('interim-console');
    const csv = await page.request.get(`${base}/editions/interim-console/report?format=csv`);
    const api = await t.api
      .get('/api/editions/interim-console/report?format=csv')
      .set(...bearer())
      .expect(200);
    expect(await csv.text()).toBe(api.text);
    for (const format of ['JSON', 'CSV', 'MD', 'HTML']) {
      expect(await page.getByRole('link', { name: `${format} of interim-console` }).count()).toBe(1);
    }
    await t.api
      .post('/api/assessments')
      .set(...bearer())
      .send({ effectiveOn: '2011-12-31', assessments: [{ item: 'joint-threat-review', party: 'russia', score: 1 }] })
      .expect(200);
    await page.goto(`${base}/compliance`);
    await page.getByLabel('As of', { exact: true }).fill('2011-12-31');
    await page.getByLabel('Compare with').selectOption('interim-console');
    await page.getByRole('button', { name: 'Show' }).click();
    const moved = page.getByRole('table', { name: 'Cells that moved since interim-console' });
    expect(await moved.locator('tbody tr').count()).toBe(1);
    expect(await moved.innerText()).toContain('Russia');
  }, 60_000);

  it('records an assessment from the item page, and keeps what was typed when it is refused', async () => {
    const page = await adminPage(375);
    await page.goto(`${base}/items/european-security-treaty`);
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Record an assessment' }) });
    // Folded away, like the item page's other forms, until asked for.
    await page.getByText('Record an assessment', { exact: true }).click();
    await form.getByLabel('Party').selectOption('russia');
    await form.getByLabel('Score').selectOption('0');
    await form.getByLabel('Evidence').fill('Draft treaty tabled, not signed.');
    await form.getByLabel('Assessed on').fill('2009-01-01');
    await form.getByLabel('Assessment source').fill('Illustrative');
    await form.getByRole('button', { name: 'Record assessment' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('before european-security-treaty was proposed');
    expect(await form.getByLabel('Evidence').inputValue()).toBe('Draft treaty tabled, not signed.');
    // Refused: the error summary at the top of the form has the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await form.getByLabel('Assessed on').fill('2010-12-31');
    await form.getByRole('button', { name: 'Record assessment' }).click();
    expect(await page.getByRole('status').innerText()).toBe(
      'Assessment recorded on “New European security treaty”: Russia scored 0 as of 2010-12-31.',
    );
    const [last] = (await historyOf(t, 'european-security-treaty')).slice(-1);
    expect(last).toMatchObject({
      action: 'assessed',
      party: 'russia',
      score: 0,
      reason: 'Draft treaty tabled, not signed.',
    });
    // Corrected from the event's own page: the score is one more field a correction may change.
    await page.getByRole('link', { name: `Correct event ${String(last.seq)}`, exact: true }).click();
    await page.getByLabel('Why', { exact: true }).fill('The final report scores full compliance.');
    await page.getByLabel('Corrected score').selectOption('1');
    await page.getByRole('button', { name: 'Correct event' }).click();
    await page.waitForURL(new RegExp(`/items/european-security-treaty#event-${String(last.seq)}$`));
    const [correction] = (await historyOf(t, 'european-security-treaty')).slice(-1);
    expect(correction).toMatchObject({
      action: 'corrected',
      corrects: last.seq,
      changes: { score: { from: 0, to: 1 } },
    });
  }, 60_000);

  it('passes axe, labels every control and fits 375 px on every compliance page, a preview included', async () => {
    const preview = join(files, 'preview.csv');
    writeFileSync(preview, 'item,nato,united-states\njoint-threat-review,0,+1\n');
    for (const width of [1100, 375]) {
      const page = await adminPage(width, true);
      for (const path of [
        '/compliance?asOf=2011-12-31&compareTo=interim-console',
        '/editions',
        '/items/joint-threat-review',
      ]) {
        const response = await page.goto(`${base}${path}`);
        expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
        await expectUsable(page, `${path} at ${width}`);
      }
      await page.goto(`${base}/compliance`);
      await page.getByLabel('Scores file').setInputFiles(preview);
      await page.getByLabel('Assessed on').fill('2012-06-30');
      await page.getByRole('button', { name: 'Dry run' }).click();
      await page.getByRole('table', { name: 'Preview: every cell that would change' }).waitFor();
      await expectUsable(page, `compliance preview at ${width}`);
    }
  }, 120_000);

  it('shows a viewer the matrix and the editions without their forms, and refuses a viewer write', async () => {
    const viewer = await makeToken(t, 'viewer');
    const session = await signInHttp(t, viewer.token);
    const compliance = await t.api.get('/compliance').set('Cookie', session.cookie).expect(200);
    expect(compliance.text).toContain('Compare with');
    expect(compliance.text).not.toContain('Scores file');
    const editions = await t.api.get('/editions').set('Cookie', session.cookie).expect(200);
    expect(editions.text).not.toContain('Publish edition');
    await t.api
      .post('/editions')
      .set('Cookie', session.cookie)
      .type('form')
      .send({ _csrf: csrfOf(editions.text), slug: 'viewer-edition', title: 'x', report: 'status' })
      .expect(403);
    const item = await t.api.get('/items/joint-threat-review').set('Cookie', session.cookie).expect(200);
    expect(item.text).not.toContain('Record assessment');
  });
});
