import { ReportBuildQueue } from '../src/reports/report-build-queue.js';
import { signIn } from './support/console-session.js';
import { makeItem, uniqueSlug } from './support/factories.js';
import { ADMIN_TOKEN, bearer, startTestApp, type TestApp } from './support/test-app.js';

// Every cached report is keyed by everything it depends on; a report too large to answer in one
// piece is refused with a 422 that says how to narrow it; the console shows a report a page of
// rows at a time.
describe('report caching, bounds and pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ REPORT_MAX_EVENTS: '30' });
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (path: string) => t.api.get(path).set(...bearer());

  it('answers a positions report with a party created after the same report was cached', async () => {
    await makeItem(t, { proposedOn: '2010-03-01' });
    const before = await get('/api/reports/positions?asOf=2010-06-01').expect(200);
    const slug = uniqueSlug('party');
    await t.api
      .post('/api/parties')
      .set(...bearer())
      .send({ slug, name: 'Late party', kind: 'state' })
      .expect(201);
    const after = await get('/api/reports/positions?asOf=2010-06-01').expect(200);
    expect(before.body.parties).not.toContain(slug);
    expect(after.body.parties).toContain(slug);
  });

  it('caches the revisions report up to now until the next event is recorded', async () => {
    const path = '/api/reports/revisions?from=2000-01-01T00:00:00Z&asOf=2010-12-31';
    const first = await get(path).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await get(path).expect(200);
    // Built once: the same document, `to` included, while the history stands still.
    expect(again.text).toBe(first.text);
    const item = await makeItem(t, { proposedOn: '2010-04-01' });
    const moved = await get(path).expect(200);
    expect(moved.body.to > first.body.to).toBe(true);
    expect(moved.body.differences.map((difference: { item: string }) => difference.item)).toContain(item.slug);
  });

  it('refuses a window with more events than one report reads, saying how to narrow it', async () => {
    for (let month = 1; month <= 9; month += 1) {
      for (let day = 10; day < 14; day += 1) {
        await makeItem(t, { proposedOn: `2011-0${month}-${day}` });
      }
    }
    const refused = await get('/api/reports/changes?from=2011-01-01&to=2011-12-31&format=html').expect(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.type).toMatch(/report-too-large$/);
    expect(refused.body.detail).toMatch(/shorter window/);
    await get('/api/reports/changes?from=2011-01-01&to=2011-02-28&format=html').expect(200);
    const revisions = await get('/api/reports/revisions?from=1970-01-01T00:00:00Z').expect(422);
    expect(revisions.body.detail).toMatch(/later from/);
  });

  it("shows a report's rows a page at a time in the console", async () => {
    for (let index = 0; index < 205; index += 1) {
      await makeItem(t, { proposedOn: '2009-05-05' });
    }
    const { cookie } = await signIn(t, ADMIN_TOKEN);
    const first = await t.api.get('/reports?report=status&asOf=2012-01-01').set('Cookie', cookie).expect(200);
    const total = (/Rows 1 to 100 of (\d+)/.exec(first.text) ?? [])[1];
    expect(Number(total)).toBeGreaterThan(200);
    expect(first.text).toContain('Next rows');
    expect(first.text).not.toContain('Previous rows');
    const last = await t.api.get('/reports?report=status&asOf=2012-01-01&page=3').set('Cookie', cookie).expect(200);
    expect(last.text).toContain(`Rows 201 to ${String(total)} of ${String(total)}`);
    expect(last.text).toContain('Previous rows');
    expect(last.text).not.toContain('Next rows');
  });
});

// Every answer is held whole while it is sent: one larger than REPORT_MAX_BYTES is refused with how
// to narrow the question, while the console still shows it a page of rows at a time.
describe('reports larger than REPORT_MAX_BYTES', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ REPORT_MAX_BYTES: '32768' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses the whole, answers the narrowed question and pages the whole in the console', async () => {
    // About 200 bytes of JSON an item: the whole is larger than the bound, a page of 100 rows not.
    for (let index = 0; index < 200; index += 1) {
      await makeItem(t, { proposedOn: '2009-05-05' });
    }
    const refused = await t.api
      .get('/api/reports/status?asOf=2012-01-01')
      .set(...bearer())
      .expect(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.type).toMatch(/report-too-large$/);
    expect(refused.body.detail).toMatch(/at most 32768 are answered in one piece/);
    expect(refused.body.detail).toMatch(/a category or proposedBy/);
    const category = uniqueSlug('narrow');
    const item = await makeItem(t, { category, proposedOn: '2011-05-05' });
    const narrowed = await t.api
      .get(`/api/reports/status?asOf=2012-01-01&category=${category}`)
      .set(...bearer())
      .expect(200);
    expect(narrowed.body.items).toEqual([expect.objectContaining({ slug: item.slug })]);
    const { cookie } = await signIn(t, ADMIN_TOKEN);
    const page = await t.api.get('/reports?report=status&asOf=2012-01-01&page=2').set('Cookie', cookie).expect(200);
    expect(page.text).toMatch(/Rows 101 to 200 of 2\d\d\./);
  });
});

// A console report page refused because its reader has builds enough under way says when to come
// back, as the API's 429 does.
describe("a console report page over its reader's build limit", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ REPORT_CLIENT_LIMIT: '1' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('is a 429 with Retry-After, the form kept', async () => {
    const { cookie } = await signIn(t, ADMIN_TOKEN);
    // A build of the same reader (the admin token's, "bootstrap") held under way.
    let release = () => {};
    const held = t.app
      .get(ReportBuildQueue)
      .run('bootstrap', () => new Promise<Buffer>((resolve) => (release = () => resolve(Buffer.from('')))));
    try {
      const refused = await t.api.get('/reports?report=status&asOf=2011-03-03').set('Cookie', cookie).expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.text).toContain('value="2011-03-03"');
    } finally {
      release();
      await held;
    }
    await t.api.get('/reports?report=status&asOf=2011-03-03').set('Cookie', cookie).expect(200);
  });
});
