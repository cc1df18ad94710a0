/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  ARTIFACTS,
  keyboardWalk,
  launchChromium,
  scrollsSideways,
  seriousAxeViolations,
  unlabelledControls,
} from './support/chromium.js';
import { historyOf, makeMeeting, makeToken } from './support/factories.js';
import { ADMIN_TOKEN, bearer, startTestApp, type TestApp } from './support/test-app.js';

const LISBON = 'lisbon-summit-2010';
const EXAMPLE = join(process.cwd(), 'examples/lisbon-summit-2010.json');

// The console as people use it: Chromium, headless, against the running server on the seeded data.
describe('The web console in a browser', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let files: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startTestApp({ TRACKER_SEED: 'true', AUTH_FAILURE_LIMIT: '1000' });
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    mkdirSync(ARTIFACTS, { recursive: true });
    files = mkdtempSync(join(tmpdir(), 'console-browser-'));
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    // beforeAll may have failed before it set these.
    await (browser as Browser | undefined)?.close();
    rmSync(files, { recursive: true, force: true });
    await (t as TestApp | undefined)?.close();
  });

  async function newPage(options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
    // Short waits: a missing control fails the test at once rather than at Jest's timeout.
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      viewport: { width: options.width ?? 1280, height: 900 },
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(5000);
    return page;
  }

  async function signIn(page: Page, token: string): Promise<void> {
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByLabel('Token').fill(token);
    await page.getByRole('button', { name: 'Sign in with token' }).click();
    await page.waitForURL(`${base}/`);
  }

  async function expectAccessible(page: Page, name: string): Promise<void> {
    expect({ name, violations: await seriousAxeViolations(page) }).toEqual({ name, violations: [] });
    expect({ name, unlabelled: await unlabelledControls(page) }).toEqual({ name, unlabelled: [] });
  }

  it('takes an admin from sign-in through the Lisbon outcomes, a transition and a report to sign-out', async () => {
    const page = await newPage();
    await signIn(page, ADMIN_TOKEN);
    expect(await page.locator('h1').innerText()).toBe('Dashboard');
    expect(await page.locator('svg.chart').count()).toBe(1);

    // Dry run: a preview of every outcome, and nothing written.
    await page.goto(`${base}/meetings/${LISBON}`);
    const eventsBefore = (await historyOf(t, 'joint-threat-review')).length;
    await page.getByLabel('Outcomes file').setInputFiles(EXAMPLE);
    await page.getByRole('button', { name: 'Dry run' }).click();
    const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as {
      outcomes: { item: string; to: string }[];
      positions: { item: string; party: string; stance: string }[];
    };
    // The file's positions travel with its outcomes.
    const positions = page.getByRole('table', { name: 'Positions recorded with the outcomes' });
    expect(await positions.locator('tbody tr').count()).toBe(example.positions.length);
    const preview = page.getByRole('table', { name: 'Preview: what would change' });
    expect(await preview.locator('tbody tr').count()).toBe(example.outcomes.length);
    expect(await preview.locator('tbody').innerText()).not.toContain('_');
    expect((await historyOf(t, 'joint-threat-review')).length).toBe(eventsBefore);
    await expectAccessible(page, 'meeting preview');
    await page.screenshot({ path: join(ARTIFACTS, 'console-meeting-preview.png'), fullPage: true });

    // Apply: every outcome at once, effective on the meeting's day.
    await page.getByRole('button', { name: 'Apply' }).click();
    expect(await page.getByRole('status').innerText()).toContain(
      `${example.outcomes.length} outcomes and ${example.positions.length} positions recorded`,
    );
    for (const { item, to } of example.outcomes) {
      const [latest] = (await historyOf(t, item)).slice(-1);
      expect(latest).toMatchObject({ toState: to, meeting: LISBON, effectiveOn: '2010-11-20' });
    }
    for (const { item, party, stance } of example.positions) {
      const detail = await t.api.get(`/api/items/${item}`).set(...bearer());
      expect(detail.body.positions).toContainEqual(expect.objectContaining({ party, stance, since: '2010-11-20' }));
    }
    expect(
      await page.getByRole('table', { name: 'Changes recorded for this meeting' }).locator('tbody tr').count(),
    ).toBe(example.outcomes.length + example.positions.length);
    await page.screenshot({ path: join(ARTIFACTS, 'console-meeting-applied.png'), fullPage: true });

    // A transition on the item's page, then the event in its timeline.
    await page.goto(`${base}/items/military-transparency`);
    await page.getByLabel('New state').selectOption('under_discussion');
    await page.getByLabel('Reason').fill('Both sides agreed to talk about notification thresholds.');
    await page.getByLabel('Effective on').fill('2010-12-01');
    await page.getByRole('button', { name: 'Record transition' }).click();
    const timeline = page.locator('ol.timeline').first();
    expect(await timeline.locator('li').first().innerText()).toContain(
      'Both sides agreed to talk about notification thresholds.',
    );
    expect(await page.locator('dl.fields').innerText()).toContain('Under discussion');

    // The changes report over the summit.
    await page.goto(`${base}/reports`);
    await page.getByRole('link', { name: 'Changes between two days' }).click();
    await page.getByLabel('From', { exact: true }).fill('2010-11-01');
    await page.getByLabel('To', { exact: true }).fill('2010-12-31');
    await page.getByRole('button', { name: 'Show report' }).click();
    expect(await page.locator('#report-heading').innerText()).toBe('Changes from 2010-11-01 to 2010-12-31');
    expect(await page.getByRole('region', { name: 'Transitions' }).locator('tbody tr').count()).toBe(
      example.outcomes.length + 1,
    );
    const download = await page.request.get(
      await page
        .getByRole('link', { name: 'CSV' })
        .getAttribute('href')
        .then((href) => `${base}${href}`),
    );
    expect(download.headers()['content-type']).toBe('text/csv; charset=utf-8');

    // Sign out ends the session on the server.
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: 'pt_session', httpOnly: true, sameSite: 'Strict' });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${base}/sign-in?ended=signed-out`);
    expect(await page.getByRole('status').innerText()).toBe('You have signed out.');
    const stale = await t.api.get('/').set('Cookie', `pt_session=${cookie.value}`);
    expect(stale.status).toBe(303);
  });

  it("records a party's position from the item page, then retracts it with a note", async () => {
    const item = 'missile-defense-cooperation';
    const page = await newPage();
    await signIn(page, ADMIN_TOKEN);
    await page.goto(`${base}/items/${item}`);
    // The position form is folded away until asked for; the assessment form has a `Party` too.
    const positionForm = page.getByRole('region', { name: "Record a party's position" });
    expect(await positionForm.getByLabel('Party', { exact: true }).isVisible()).toBe(false);
    await page.getByText("Record a party's position").click();
    await positionForm.getByLabel('Party', { exact: true }).selectOption('russia');
    await page.getByLabel('Stance', { exact: true }).selectOption('conditional');
    await page.getByLabel('Statement', { exact: true }).fill('Only as an equal partner.');
    await page.getByLabel('Stated on', { exact: true }).fill('2010-12-05');
    await page.getByRole('button', { name: 'Record position' }).click();
    const fields = page.locator('dl.fields');
    expect(await fields.innerText()).toContain('Russia: conditional since 2010-12-05 (Only as an equal partner.)');
    expect(await page.getByRole('status').innerText()).toContain('Russia conditional');

    // Retracting is asked from the event itself, and confirmed on a page of its own.
    const seq = String((await historyOf(t, item)).at(-1)?.seq);
    await page.getByRole('link', { name: `Retract event ${seq}`, exact: true }).click();
    await expectAccessible(page, 'retraction confirmation');
    await page.getByLabel('Why', { exact: true }).fill('Said by a deputy minister, not as Russia’s position.');
    await page.getByRole('button', { name: 'Confirm retraction' }).click();
    const latest = page.locator('ol.timeline').first().locator('li').first();
    expect(await latest.innerText()).toContain('Position retracted');
    expect(await latest.innerText()).toContain('Stance: “conditional” → (none)');
    expect(await page.getByRole('status').innerText()).toContain(`Event ${seq} retracted`);
    expect(await fields.innerText()).not.toContain('Russia: conditional');
    await expectAccessible(page, 'item page after a retraction');
    await page.screenshot({ path: join(ARTIFACTS, 'console-item-position-retracted.png'), fullPage: true });
  });

  it('applies a double-submitted Apply once, answering the second submit with the first answer', async () => {
    const meeting = await makeMeeting(t, { heldOn: '2010-12-02' });
    const csv = join(files, 'outcomes.csv');
    writeFileSync(csv, 'item,to,reason\nmilitary-doctrines-dialogue,under_discussion,Experts will meet.\n');
    const page = await newPage();
    await signIn(page, ADMIN_TOKEN);
    await page.goto(`${base}/meetings/${meeting.slug}`);
    await page.getByLabel('Outcomes file').setInputFiles(csv);
    await page.getByRole('button', { name: 'Dry run' }).click();
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Apply' }) });
    const fields = Object.fromEntries(
      await form
        .locator('input[type=hidden]')
        .evaluateAll((inputs) =>
          inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value]),
        ),
    );
    await page.getByRole('button', { name: 'Apply' }).click();
    const first = await page.getByRole('status').innerText();
    // The same form again, as a reload or a second click sends it.
    const again = await page.request.post(`${base}/meetings/${meeting.slug}/outcomes`, {
      form: { ...fields, action: 'apply' },
    });
    expect(again.status()).toBe(200);
    const batch = /reference ([0-9a-f-]{36})/.exec(first)?.[1];
    expect(batch).toBeDefined();
    expect(await again.text()).toContain(batch);
    const moves = (await historyOf(t, 'military-doctrines-dialogue')).filter((event) => event.meeting === meeting.slug);
    expect(moves).toHaveLength(1);
  });

  it('shows a viewer no write control, and refuses a write the viewer posts anyway', async () => {
    const viewer = await makeToken(t, 'viewer');
    const page = await newPage();
    await signIn(page, viewer.token);
    for (const path of [
      '/',
      '/items',
      '/items/european-security-treaty',
      '/meetings',
      `/meetings/${LISBON}`,
      '/reports',
      '/audit',
    ]) {
      await page.goto(`${base}${path}`);
      const writeForms = await page
        .locator('form[method=post]')
        .evaluateAll((forms) => forms.map((form) => form.getAttribute('action')));
      expect({ path, writeForms }).toEqual({ path, writeForms: ['/sign-out'] });
      for (const name of ['Record transition', 'Apply', 'Dry run', 'Save changes', 'New item', 'Create meeting']) {
        expect(await page.getByRole('button', { name }).count()).toBe(0);
      }
    }
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const refused = await page.request.post(`${base}/items/european-security-treaty/transition`, {
      form: { _csrf: csrf, to: 'withdrawn', reason: 'Viewer tries.' },
    });
    expect(refused.status()).toBe(403);
    expect((await page.request.get(`${base}/tokens`)).status()).toBe(403);
    const item = await t.api
      .get('/api/items/european-security-treaty')
      .set(...bearer())
      .expect(200);
    expect(item.body.state).not.toBe('withdrawn');
  });

  it('refuses a form posted without its CSRF field with 403, changing nothing', async () => {
    const page = await newPage();
    await signIn(page, ADMIN_TOKEN);
    const before = await t.api
      .get('/api/items/european-security-treaty')
      .set(...bearer())
      .expect(200);
    const refused = await page.request.post(`${base}/items/european-security-treaty/transition`, {
      form: { to: 'withdrawn', reason: 'No CSRF field.' },
    });
    expect(refused.status()).toBe(403);
    const after = await t.api
      .get('/api/items/european-security-treaty')
      .set(...bearer())
      .expect(200);
    expect(after.body.version).toBe(before.body.version);
  });

  it('works with JavaScript off: sign in, move an item, dry run and apply outcomes, sign out', async () => {
    const meeting = await makeMeeting(t, { heldOn: '2010-12-03' });
    const json = join(files, 'outcomes.json');
    writeFileSync(
      json,
      JSON.stringify({ meeting: meeting.slug, outcomes: [{ item: 'counter-narcotics-strategy', to: 'implemented' }] }),
    );
    const page = await newPage({ javaScriptEnabled: false });
    await signIn(page, ADMIN_TOKEN);
    await page.goto(`${base}/items/cfe-treaty-update`);
    const options = await page
      .getByLabel('New state')
      .locator('option')
      .evaluateAll((all) => all.map((option) => (option as HTMLOptionElement).value));
    await page.getByLabel('New state').selectOption(options[0]);
    await page.getByLabel('Reason').fill('Recorded with scripts off.');
    await page.getByRole('button', { name: 'Record transition' }).click();
    expect(await page.locator('ol.timeline li').first().innerText()).toContain('Recorded with scripts off.');
    await page.goto(`${base}/meetings/${meeting.slug}`);
    await page.getByLabel('Outcomes file').setInputFiles(json);
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByRole('button', { name: 'Apply' }).click();
    expect(await page.getByRole('status').innerText()).toContain('1 outcome and 0 positions recorded');
    await page.goto(`${base}/reports?report=status&asOf=2010-12-31`);
    expect(await page.locator('#report-heading').innerText()).toBe('Status as of 2010-12-31');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${base}/sign-in?ended=signed-out`);
  });

  it('explains a transition refused because the item changed meanwhile, keeping what was typed', async () => {
    const page = await newPage();
    await signIn(page, ADMIN_TOKEN);
    await page.goto(`${base}/items/european-security-treaty`);
    const state = await t.api
      .get('/api/items/european-security-treaty')
      .set(...bearer())
      .expect(200);
    await t.api
      .patch('/api/items/european-security-treaty')
      .set(...bearer())
      .set('If-Match', `"${state.body.version}"`)
      .send({ category: 'european-security-architecture' })
      .expect(200);
    await page.getByLabel('Reason').fill('Typed before the other change.');
    await page.getByRole('button', { name: 'Record transition' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('Someone changed this item after you opened it');
    expect(await page.getByLabel('Reason').inputValue()).toBe('Typed before the other change.');
  });

  it("walks an officer's day with an account, at 1280 px with JavaScript and at 375 px without", async () => {
    const admin = await newPage();
    await signIn(admin, ADMIN_TOKEN);
    await admin.goto(`${base}/accounts`);
    await admin.getByLabel('Username').fill('officer.ana');
    await admin.getByLabel('Display name').fill('Ana Officer');
    await admin.getByLabel('Role').selectOption('admin');
    await admin.getByLabel('Initial password').fill('the initial password');
    await admin.getByRole('button', { name: 'Create account' }).click();
    expect(await admin.getByRole('status').innerText()).toContain('Account “officer.ana” created');
    await expectAccessible(admin, 'accounts after creating one');

    // Every seeded item's page stays short at 1280 px (measured before the day adds to them): the
    // timeline first, the forms folded.
    const items = await t.api
      .get('/api/items?limit=100')
      .set(...bearer())
      .expect(200);
    for (const { slug } of items.body.data as { slug: string }[]) {
      await admin.goto(`${base}/items/${slug}`);
      const height = await admin.evaluate(() => document.documentElement.scrollHeight);
      expect({ slug, short: height < 2000 }).toEqual({ slug, short: true });
    }

    let password = 'the initial password';
    for (const [width, javaScriptEnabled] of [
      [1280, true],
      [375, false],
    ] as const) {
      const page = await newPage({ width, javaScriptEnabled });
      const shot = (name: string) =>
        page.screenshot({ path: join(ARTIFACTS, `console-officer-${name}-${width}.png`), fullPage: true });
      await page.goto(`${base}/sign-in`);
      await page.getByLabel('Username').fill('officer.ana');
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(`${base}/`);
      expect(await page.locator('.who').innerText()).toBe('Ana Officer (admin)');

      // A refused move keeps what was typed and takes the focus to its summary.
      await page.goto(`${base}/items/cfe-treaty-update`);
      await page.getByLabel('Reason').fill(`Typed at ${width} px.`);
      await page.getByLabel('Effective on').fill('1990-01-01');
      await page.getByRole('button', { name: 'Record transition' }).click();
      // Waited for through a locator: an evaluate sent while the answer loads can outlive its page.
      await page.getByRole('alert').waitFor();
      expect(await page.locator('[role=alert]:focus').count()).toBe(1);
      expect(await page.getByLabel('Reason').inputValue()).toBe(`Typed at ${width} px.`);
      // axe runs in the page's own scripts: with them off it would wait for ever.
      const checkAccessible = async (name: string) => {
        if (javaScriptEnabled) {
          await expectAccessible(page, `${name} at ${width}`);
          expect(await scrollsSideways(page)).toBe(false);
        }
      };
      await checkAccessible('refused move');
      await shot('refused');
      await page.getByLabel('Effective on').fill('');
      await page.getByRole('button', { name: 'Record transition' }).click();
      expect(await page.getByRole('status').innerText()).toContain('is now');
      const moved = (await historyOf(t, 'cfe-treaty-update')).at(-1);
      expect(moved).toMatchObject({ action: 'transitioned', actor: 'officer.ana', reason: `Typed at ${width} px.` });
      await checkAccessible('item after a move');
      await shot('moved');

      // The rest of the day, each write answered in a status message: a correction of the move, a
      // party's position and an assessment from their folded sections (<details>, which open without
      // scripts too), a new item, a report and its download, the activity and the audit.
      const party = width === 1280 ? 'nato' : 'russia';
      await page.getByRole('link', { name: `Correct event ${String(moved?.seq)}`, exact: true }).click();
      await page.getByLabel('Why', { exact: true }).fill(`Source added at ${width} px.`);
      await page.getByLabel('Corrected source').fill('Officer notes');
      await page.getByRole('button', { name: 'Correct event' }).click();
      expect(await page.getByRole('status').innerText()).toContain(`Event ${String(moved?.seq)} corrected`);
      await checkAccessible('item after a correction');

      await page.getByText("Record a party's position").click();
      const positionForm = page.getByRole('region', { name: "Record a party's position" });
      await positionForm.getByLabel('Party', { exact: true }).selectOption(party);
      await positionForm.getByLabel('Stance', { exact: true }).selectOption('supports');
      await positionForm.getByRole('button', { name: 'Record position' }).click();
      expect(await page.getByRole('status').innerText()).toContain('Position recorded');

      await page.getByText('Record an assessment').click();
      const assessmentForm = page.getByRole('region', { name: 'Record an assessment' });
      await assessmentForm.getByLabel('Party', { exact: true }).selectOption(party);
      await assessmentForm.getByLabel('Score').selectOption('1');
      await assessmentForm.getByLabel('Evidence').fill(`Verified at ${width} px.`);
      await assessmentForm.getByLabel('Assessed on').fill(new Date().toISOString().slice(0, 10));
      await assessmentForm.getByRole('button', { name: 'Record assessment' }).click();
      expect(await page.getByRole('status').innerText()).toContain('Assessment recorded');
      await checkAccessible('item after an assessment');
      await shot('assessed');

      await page.goto(`${base}/items/new`);
      await page.getByLabel('Title').fill(`Officer's item at ${width} px`);
      await page.getByLabel('Summary').fill('Entered during the day.');
      await page.getByLabel('Category').fill('transparency');
      await page.getByLabel('Proposed by').fill('nato');
      await page.getByLabel('Proposed on').fill('2010-11-20');
      await page.getByRole('button', { name: 'Create item' }).click();
      expect(await page.getByRole('status').innerText()).toContain(`Item “Officer's item at ${width} px” created`);

      await page.goto(`${base}/reports?report=status`);
      await page.getByRole('button', { name: 'Show report' }).click();
      await page.locator('#report-heading').waitFor();
      await checkAccessible('status report');
      const html = await page.request.get(
        `${base}${String(await page.getByRole('link', { name: 'HTML' }).getAttribute('href'))}`,
      );
      expect(html.headers()['content-type']).toBe('text/html; charset=utf-8');

      await page.goto(`${base}/activity?actor=officer.ana`);
      expect(await page.locator('main').innerText()).toContain('Compliance assessed');
      await checkAccessible('activity');
      await page.goto(`${base}/audit`);
      await checkAccessible('audit');
      await shot('audit');

      // A person changes their own password.
      await page.goto(`${base}/account`);
      await page.getByLabel('Current password').fill(password);
      password = `a new password at ${width}`;
      await page.getByLabel('New password').fill(password);
      await page.getByRole('button', { name: 'Change password' }).click();
      expect(await page.getByRole('status').innerText()).toContain('Your password is changed');
      await checkAccessible('account');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${base}/sign-in?ended=signed-out`);
      expect(await page.getByRole('status').innerText()).toBe('You have signed out.');
    }

    // Disabling is confirmed first, and ends the account's sessions.
    const officer = await newPage();
    await officer.goto(`${base}/sign-in`);
    await officer.getByLabel('Username').fill('officer.ana');
    await officer.getByLabel('Password', { exact: true }).fill(password);
    await officer.getByRole('button', { name: 'Sign in', exact: true }).click();
    await officer.waitForURL(`${base}/`);
    await admin.goto(`${base}/accounts`);
    await admin.getByRole('link', { name: 'Disable account officer.ana' }).click();
    await expectAccessible(admin, 'disable confirmation');
    await admin.getByRole('button', { name: 'Confirm: disable account' }).click();
    expect(await admin.getByRole('status').innerText()).toContain('disabled');
    await officer.goto(`${base}/items`);
    expect(new URL(officer.url()).pathname).toBe('/sign-in');
  }, 180_000);

  it('passes axe, labels every control, fits 375 px and reaches every action by keyboard, on every page', async () => {
    const amendable = (await historyOf(t, 'joint-threat-review')).find(
      (event) => event.action === 'transitioned' && event.retractedBy === undefined,
    )?.seq;
    expect(amendable).toBeDefined();
    const pages: ReadonlyArray<readonly [string, string]> = [
      ['dashboard', '/'],
      ['items', '/items'],
      ['item-new', '/items/new'],
      ['item', '/items/joint-threat-review'],
      ['meetings', '/meetings'],
      ['meeting', `/meetings/${LISBON}`],
      ['reports', '/reports?report=changes&from=2010-09-01&to=2010-12-31'],
      ['report-positions', '/reports?report=positions&asOf=2010-11-21'],
      ['report-revisions', '/reports?report=revisions&asOf=2010-11-21&revisedFrom=2010-11-20T00:00:00Z'],
      ['audit', '/audit?verify=1'],
      ['tokens', '/tokens'],
      ['token-revoke', '/tokens/bootstrap/revoke'],
      ['accounts', '/accounts'],
      ['account', '/account'],
      ['activity', '/activity'],
      ['event-correct', `/items/joint-threat-review/events/${String(amendable)}/correct`],
      ['event-retract', `/items/joint-threat-review/events/${String(amendable)}/retract`],
    ];
    for (const width of [1280, 375]) {
      const page = await newPage({ width });
      await page.goto(`${base}/sign-in`);
      await expectAccessible(page, `sign-in at ${width}`);
      expect(await scrollsSideways(page)).toBe(false);
      await page.screenshot({ path: join(ARTIFACTS, `console-sign-in-${width}.png`), fullPage: true });
      await signIn(page, ADMIN_TOKEN);
      for (const [name, path] of pages) {
        const response = await page.goto(`${base}${path}`);
        expect({ name, status: response?.status() }).toEqual({ name, status: 200 });
        expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
        await expectAccessible(page, `${name} at ${width}`);
        expect({ name, sideways: await scrollsSideways(page) }).toEqual({ name, sideways: false });
        await page.screenshot({ path: join(ARTIFACTS, `console-${name}-${width}.png`), fullPage: true });
        if (width === 1280) {
          expect({ name, ...(await keyboardWalk(page)) }).toEqual({ name, unreached: [], withoutOutline: [] });
        }
      }
    }
  }, 300_000);
});
