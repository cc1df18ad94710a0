import { setTimeout as sleep } from 'node:timers/promises';
import { auditVerdict, makeItem, makeMeeting } from './support/factories.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

// The reports over a corrected history: a Lisbon-like summit recorded, published, then corrected.
describe('reports over corrections and retractions', () => {
  let t: TestApp;
  let a: { slug: string };
  let b: { slug: string };
  let c: { slug: string };
  let d: { slug: string };
  let published: { status: string; changes: string; statusCsv: string };
  let beforeCorrections: string;
  let afterCorrections: string;

  function get(path: string) {
    return t.api
      .get(path)
      .set(...bearer())
      .expect(200);
  }

  function post(path: string, body: unknown) {
    return t.api
      .post(path)
      .set(...bearer())
      .send(body as object);
  }

  // Instants a few milliseconds apart, so that "recorded by then" separates the steps.
  async function instant(): Promise<string> {
    await sleep(5);
    const now = new Date().toISOString();
    await sleep(5);
    return now;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const meeting = await makeMeeting(t, { heldOn: '2010-11-20' });
    [a, b, c] = [await makeItem(t), await makeItem(t), await makeItem(t)];
    await post(`/api/meetings/${meeting.slug}/outcomes`, {
      outcomes: [
        { item: a.slug, to: 'agreed' },
        { item: b.slug, to: 'deferred', reason: 'Not yet.' },
        { item: c.slug, to: 'under_discussion' },
      ],
    }).expect(200);
    beforeCorrections = await instant();
    published = {
      status: (await get(`/api/reports/status?asOf=2010-11-21&knownAt=${beforeCorrections}`)).text,
      changes: (await get(`/api/reports/changes?from=2010-11-20&to=2010-11-20&knownAt=${beforeCorrections}`)).text,
      statusCsv: (await get(`/api/reports/status?asOf=2010-11-21&knownAt=${beforeCorrections}&format=csv`)).text,
    };
    // Corrections of the record: a's outcome took effect two days later; c's was never decided.
    await post(`/api/items/${a.slug}/history/2/correction`, {
      note: 'Agreed at the follow-up meeting.',
      effectiveOn: '2010-11-22',
    }).expect(201);
    await post(`/api/items/${c.slug}/history/2/retraction`, { note: 'Entered by mistake.' }).expect(201);
    // A correction that changes no status: b's outcome gets its source and reason.
    await post(`/api/items/${b.slug}/history/2/correction`, {
      note: 'Cite the statement.',
      source: 'NRC Joint Statement, para. 9',
      reason: 'No agreement on the flank limits.',
    }).expect(201);
    // Developments learnt late: b moved on the 21st, and d was proposed and agreed before the summit.
    await post(`/api/items/${b.slug}/transitions`, { to: 'under_discussion', effectiveOn: '2010-11-21' }).expect(200);
    d = await makeItem(t, { proposedOn: '2010-10-01' });
    await post(`/api/items/${d.slug}/transitions`, { to: 'agreed', effectiveOn: '2010-11-19' }).expect(200);
    afterCorrections = await instant();
  });
  afterAll(async () => {
    await t.close();
  });

  function stateOf(report: { items: { slug: string; state: string; since: string }[] }, slug: string) {
    const found = report.items.find((entry) => entry.slug === slug);
    return found && { state: found.state, since: found.since };
  }

  it('showed the summit as recorded before the corrections', () => {
    const status = JSON.parse(published.status);
    expect(stateOf(status, a.slug)).toEqual({ state: 'agreed', since: '2010-11-20' });
    expect(stateOf(status, b.slug)).toEqual({ state: 'deferred', since: '2010-11-20' });
    expect(stateOf(status, c.slug)).toEqual({ state: 'under_discussion', since: '2010-11-20' });
    expect(stateOf(status, d.slug)).toBeUndefined();
    const changes = JSON.parse(published.changes);
    expect(changes.transitions.map((change: { item: string }) => change.item).sort()).toEqual(
      [a.slug, b.slug, c.slug].sort(),
    );
  });

  it('shows the corrected history now: a corrected transition on its corrected day, a retracted one nowhere', async () => {
    const status = JSON.parse((await get('/api/reports/status?asOf=2010-11-21')).text);
    expect(stateOf(status, a.slug)).toEqual({ state: 'proposed', since: '2010-09-22' });
    expect(stateOf(status, b.slug)).toEqual({ state: 'under_discussion', since: '2010-11-21' });
    expect(stateOf(status, c.slug)).toEqual({ state: 'proposed', since: '2010-09-22' });
    expect(stateOf(status, d.slug)).toEqual({ state: 'agreed', since: '2010-11-19' });
    expect(status.counts).toMatchObject({ proposed: 2, under_discussion: 1, agreed: 1, deferred: 0 });
    const summitDay = JSON.parse((await get('/api/reports/status?asOf=2010-11-20')).text);
    expect(summitDay.items.find((entry: { slug: string }) => entry.slug === b.slug)).toMatchObject({
      state: 'deferred',
      lastReason: 'No agreement on the flank limits.',
    });
    const later = JSON.parse((await get('/api/reports/status?asOf=2010-11-22')).text);
    expect(stateOf(later, a.slug)).toEqual({ state: 'agreed', since: '2010-11-22' });

    const summit = JSON.parse((await get('/api/reports/changes?from=2010-11-20&to=2010-11-20')).text);
    expect(summit.transitions.map((change: { item: string }) => change.item)).toEqual([b.slug]);
    expect(summit.transitions[0]).toMatchObject({
      source: 'NRC Joint Statement, para. 9',
      reason: 'No agreement on the flank limits.',
      meeting: expect.stringMatching(/^meeting-/),
    });
    expect(summit.countsAfter).toMatchObject({ deferred: 1, agreed: 1 });
    const week = JSON.parse((await get('/api/reports/changes?from=2010-11-20&to=2010-11-22')).text);
    expect(
      week.transitions.map((change: { item: string; effectiveOn: string }) => [change.item, change.effectiveOn]),
    ).toEqual([
      [b.slug, '2010-11-20'],
      [b.slug, '2010-11-21'],
      [a.slug, '2010-11-22'],
    ]);
    expect(week.transitions[2]).toMatchObject({ fromState: 'proposed', toState: 'agreed' });
  });

  it('reproduces the reports published before the corrections byte for byte with that knownAt', async () => {
    expect((await get(`/api/reports/status?asOf=2010-11-21&knownAt=${beforeCorrections}`)).text).toBe(published.status);
    expect((await get(`/api/reports/changes?from=2010-11-20&to=2010-11-20&knownAt=${beforeCorrections}`)).text).toBe(
      published.changes,
    );
    expect((await get(`/api/reports/status?asOf=2010-11-21&knownAt=${beforeCorrections}&format=csv`)).text).toBe(
      published.statusCsv,
    );
  });

  it('lists each difference for the day between the two instants, classed, with its events', async () => {
    const response = await get(
      `/api/reports/revisions?asOf=2010-11-21&from=${beforeCorrections}&to=${afterCorrections}`,
    );
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const expected = [
      {
        item: a.slug,
        before: { state: 'agreed', since: '2010-11-20' },
        after: { state: 'proposed', since: '2010-09-22' },
        kind: 'correction',
        events: [expect.objectContaining({ seq: 3, action: 'corrected', reason: 'Agreed at the follow-up meeting.' })],
      },
      {
        item: b.slug,
        before: { state: 'deferred', since: '2010-11-20' },
        after: { state: 'under_discussion', since: '2010-11-21' },
        kind: 'development',
        events: [
          expect.objectContaining({ seq: 3, action: 'corrected', reason: 'Cite the statement.' }),
          expect.objectContaining({ seq: 4, action: 'transitioned', actor: 'bootstrap' }),
        ],
      },
      {
        item: c.slug,
        before: { state: 'under_discussion', since: '2010-11-20' },
        after: { state: 'proposed', since: '2010-09-22' },
        kind: 'correction',
        events: [expect.objectContaining({ seq: 3, action: 'retracted', reason: 'Entered by mistake.' })],
      },
      {
        item: d.slug,
        before: null,
        after: { state: 'agreed', since: '2010-11-19' },
        kind: 'development',
        events: [
          expect.objectContaining({ seq: 1, action: 'created' }),
          expect.objectContaining({ seq: 2, action: 'transitioned' }),
        ],
      },
    ].sort((x, y) => (x.item < y.item ? -1 : 1));
    expect(response.body).toEqual({
      asOf: '2010-11-21',
      from: beforeCorrections,
      to: afterCorrections,
      differences: expected,
    });
    // Nothing changed for a day before the summit, and `to` defaults to now.
    const eve = await get(`/api/reports/revisions?asOf=2010-09-01&from=${beforeCorrections}`);
    expect(eve.body.differences).toEqual([]);
  });

  it('comes as CSV, Markdown and an HTML correction notice too', async () => {
    const query = `asOf=2010-11-21&from=${beforeCorrections}&to=${afterCorrections}`;
    const csv = await get(`/api/reports/revisions?${query}&format=csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('item,kind,beforeState,beforeSince,afterState,afterSince,events');
    expect(csv.text).toContain(`${a.slug},correction,agreed,2010-11-20,proposed,2010-09-22,`);
    const markdown = await t.api
      .get(`/api/reports/revisions?${query}`)
      .set(...bearer())
      .set('Accept', 'text/markdown')
      .expect(200);
    expect(markdown.headers['content-type']).toMatch(/^text\/markdown/);
    expect(markdown.text).toContain('# Correction notice: the status as of 2010-11-21');
    expect(markdown.text).toContain(`| ${c.slug} | Correction of the record |`);
    const page = await get(`/api/reports/revisions?${query}&format=html`);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<h1>Correction notice: the status as of 2010-11-21</h1>');
    expect(page.text).toContain('Development recorded late');
    expect(page.text).toContain('#3 retracted by bootstrap');
  });

  it('refuses bad instants with 400', async () => {
    await t.api
      .get(`/api/reports/revisions?asOf=2010-11-21&from=${afterCorrections}&to=${beforeCorrections}`)
      .set(...bearer())
      .expect(400);
    await t.api
      .get('/api/reports/revisions?asOf=2010-11-21&from=2010-11-21')
      .set(...bearer())
      .expect(400);
    await t.api
      .get('/api/reports/revisions?asOf=2010-11-21')
      .set(...bearer())
      .expect(400);
  });

  it('leaves a history that verifies', async () => {
    expect(await auditVerdict(t)).toMatchObject({ ok: true });
  });
});
