import { todayUtc } from '../src/common/calendar-date.js';
import { WORKFLOW_STATES } from '../src/workflow/workflow.definition.js';
import { historyOf, makeItem, makeMeeting, uniqueSlug } from './support/factories.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

type Query = Record<string, string>;

describe('status and changes reports', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function transition(slug: string, body: Record<string, unknown>) {
    await t.api
      .post(`/api/items/${slug}/transitions`)
      .set(...bearer())
      .send(body)
      .expect(200);
  }

  async function report(path: 'status' | 'changes', query: Query = {}) {
    const response = await t.api
      .get(`/api/reports/${path}`)
      .query(query)
      .set(...bearer())
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    return response.body;
  }

  const status = (query: Query = {}) => report('status', query);
  const changes = (query: Query) => report('changes', query);
  const row = (body: { items: Array<{ slug: string }> }, slug: string) => body.items.find((item) => item.slug === slug);
  const zeros = () => Object.fromEntries(WORKFLOW_STATES.map((state) => [state, 0]));

  // A moment strictly after every event recorded so far (recordedAt has millisecond precision).
  async function momentAfter(slug: string): Promise<string> {
    const events = await historyOf(t, slug);
    const last = events.at(-1)?.recordedAt as string;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return last;
  }

  it("rebuilds an item's state for any day: absent before it existed, each change on its day, and today", async () => {
    const category = uniqueSlug('timeline');
    const item = await makeItem(t, { category, proposedOn: '2010-09-22' });
    const lisbon = await makeMeeting(t, { heldOn: '2010-11-20' });
    await transition(item.slug, { to: 'under_discussion', effectiveOn: '2010-10-01' });
    await transition(item.slug, { to: 'deferred', reason: 'Waiting for the summit.', meeting: lisbon.slug });

    const at = async (asOf: string) => row(await status({ asOf, category }), item.slug);
    expect(await at('2010-09-21')).toBeUndefined();
    expect(await at('2010-09-22')).toEqual({
      slug: item.slug,
      title: item.title,
      category,
      proposedBy: 'United States',
      state: 'proposed',
      since: '2010-09-22',
      lastReason: null,
    });
    expect(await at('2010-09-30')).toMatchObject({ state: 'proposed', since: '2010-09-22' });
    expect(await at('2010-10-01')).toMatchObject({ state: 'under_discussion', since: '2010-10-01', lastReason: null });
    expect(await at('2010-11-19')).toMatchObject({ state: 'under_discussion', since: '2010-10-01' });
    expect(await at('2010-11-20')).toMatchObject({
      state: 'deferred',
      since: '2010-11-20',
      lastReason: 'Waiting for the summit.',
    });

    const today = await status({ category });
    expect(today.asOf).toBe(todayUtc());
    expect(row(today, item.slug)).toMatchObject({ state: 'deferred', since: '2010-11-20' });
  });

  it('names every workflow state in the counts, zeros included, adding up to the items', async () => {
    const category = uniqueSlug('counts');
    const agreed = await makeItem(t, { category });
    const rejected = await makeItem(t, { category });
    await makeItem(t, { category });
    await makeItem(t, { category, proposedOn: '2010-12-01' });
    await transition(agreed.slug, { to: 'agreed', effectiveOn: '2010-11-20' });
    await transition(rejected.slug, { to: 'rejected', reason: 'No.', effectiveOn: '2010-10-10' });

    const body = await status({ asOf: '2010-11-20', category });
    expect(body.counts).toEqual({ ...zeros(), proposed: 1, agreed: 1, rejected: 1 });
    expect(Object.keys(body.counts).sort()).toEqual([...WORKFLOW_STATES].sort());
    expect(body.items).toHaveLength(3);
    expect(body.items.map((i: { slug: string }) => i.slug)).toEqual(
      body.items.map((i: { slug: string }) => i.slug).sort(),
    );
    expect((await status({ asOf: '2010-09-21', category })).counts).toEqual(zeros());
  });

  it('filters by category and by proposer', async () => {
    const category = uniqueSlug('filter');
    const ours = await makeItem(t, { category, proposedBy: 'Russia' });
    const theirs = await makeItem(t, { category, proposedBy: 'NATO' });
    const elsewhere = await makeItem(t, { proposedBy: 'Russia' });

    const byCategory = await status({ category });
    expect(byCategory.category).toBe(category);
    expect(byCategory.items.map((i: { slug: string }) => i.slug).sort()).toEqual([ours.slug, theirs.slug].sort());
    const both = await status({ category, proposedBy: 'Russia' });
    expect(both.items.map((i: { slug: string }) => i.slug)).toEqual([ours.slug]);
    expect(both.counts.proposed).toBe(1);
    const byProposer = await status({ proposedBy: 'Russia' });
    expect(byProposer.items.map((i: { slug: string }) => i.slug)).toEqual(
      expect.arrayContaining([ours.slug, elsewhere.slug]),
    );
    expect(byProposer.items.every((i: { proposedBy: string }) => i.proposedBy === 'Russia')).toBe(true);
    expect((await changes({ from: '2010-09-22', to: '2010-09-22', category, proposedBy: 'NATO' })).countsAfter).toEqual(
      { ...zeros(), proposed: 1 },
    );
  });

  it('with knownAt, leaves out an outcome typed in later, back-dated to the summit', async () => {
    const category = uniqueSlug('known');
    const item = await makeItem(t, { category, proposedOn: '2010-09-22' });
    const beforeEntry = await momentAfter(item.slug);
    await transition(item.slug, { to: 'agreed', effectiveOn: '2010-11-20', reason: 'Agreed at Lisbon.' });
    const events = await historyOf(t, item.slug);
    const entry = events.at(-1) as { recordedAt: string; hash: string };

    // Today the tracker knows the outcome, effective from the summit.
    expect(row(await status({ asOf: '2010-11-21', category }), item.slug)).toMatchObject({
      state: 'agreed',
      since: '2010-11-20',
    });
    // The report as published before the entry was typed in: still proposed, and the same head then.
    const published = await status({ asOf: '2010-11-21', category, knownAt: beforeEntry });
    expect(published.knownAt).toBe(beforeEntry);
    expect(row(published, item.slug)).toMatchObject({ state: 'proposed', since: '2010-09-22', lastReason: null });
    const [then] = await t.query(
      'SELECT COUNT(*) AS events, MAX(id) AS id FROM history_events WHERE recorded_at <= ?',
      [beforeEntry],
    );
    const [headThen] = await t.query('SELECT hash FROM history_events WHERE id = ?', [then.id]);
    expect(published.head).toEqual({ hash: headThen.hash, events: Number(then.events) });
    // At the moment of the entry, and with the same instant in another zone, it counts.
    const inAthens = new Date(Date.parse(entry.recordedAt) + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
    for (const knownAt of [entry.recordedAt, inAthens]) {
      expect(row(await status({ asOf: '2010-11-21', category, knownAt }), item.slug)).toMatchObject({
        state: 'agreed',
        lastReason: 'Agreed at Lisbon.',
      });
    }

    const window = { from: '2010-11-20', to: '2010-11-20', category };
    expect((await changes({ ...window, knownAt: beforeEntry })).transitions).toEqual([]);
    expect((await changes({ ...window, knownAt: entry.recordedAt })).transitions).toEqual([
      expect.objectContaining({ item: item.slug, fromState: 'proposed', toState: 'agreed' }),
    ]);
    // An item not yet recorded at knownAt is in no report of then.
    const first = await status({ category, knownAt: '2000-01-01T00:00:00Z' });
    expect(first.items).toEqual([]);
    expect(first.head.events).toBe(0);
  });

  it('with knownAt, shows and filters on the descriptions as known then', async () => {
    const category = uniqueSlug('described');
    const item = await makeItem(t, { category, title: 'Link radars' });
    await transition(item.slug, { to: 'under_discussion', effectiveOn: '2010-10-01' });
    const beforeEdit = await momentAfter(item.slug);
    await t.api
      .patch(`/api/items/${item.slug}`)
      .set(...bearer())
      .set('If-Match', '"2"')
      .send({ title: 'Link early-warning radars', category: `${category}-renamed` })
      .expect(200);

    const now = await status({ category: `${category}-renamed` });
    // The edit (effective today) changes the description, not the state or its date.
    expect(row(now, item.slug)).toMatchObject({
      title: 'Link early-warning radars',
      state: 'under_discussion',
      since: '2010-10-01',
    });
    expect((await status({ category })).items).toEqual([]);

    const then = await status({ category, knownAt: beforeEdit });
    expect(row(then, item.slug)).toMatchObject({ title: 'Link radars', category, state: 'under_discussion' });
    expect((await status({ category: `${category}-renamed`, knownAt: beforeEdit })).items).toEqual([]);
    const window = await changes({ from: '2010-10-01', to: '2010-10-01', category, knownAt: beforeEdit });
    expect(window.transitions).toEqual([expect.objectContaining({ item: item.slug, title: 'Link radars' })]);
  });

  it('lists the transitions of a window, both ends included, with the counts before and after', async () => {
    const category = uniqueSlug('window');
    const meeting = await makeMeeting(t, { heldOn: '2010-11-20' });
    const first = await makeItem(t, { category, proposedOn: '2010-09-22' });
    const second = await makeItem(t, { category, proposedOn: '2010-09-22' });
    const late = await makeItem(t, { category, proposedOn: '2010-11-25' });
    await transition(first.slug, { to: 'under_discussion', effectiveOn: '2010-10-31' });
    await transition(first.slug, { to: 'agreed', effectiveOn: '2010-11-01' });
    await transition(second.slug, {
      to: 'deferred',
      reason: 'Later, "perhaps".',
      meeting: meeting.slug,
      source: 'Lisbon declaration',
    });
    await transition(first.slug, { to: 'implemented', effectiveOn: '2010-11-30' });
    await transition(late.slug, { to: 'withdrawn', reason: 'Dropped.', effectiveOn: '2010-12-01' });

    const body = await changes({ from: '2010-11-01', to: '2010-11-30', category });
    expect(body).toMatchObject({ from: '2010-11-01', to: '2010-11-30', knownAt: null, category });
    expect(body.transitions).toEqual([
      expect.objectContaining({ item: first.slug, fromState: 'under_discussion', toState: 'agreed' }),
      {
        item: second.slug,
        title: second.title,
        fromState: 'proposed',
        toState: 'deferred',
        effectiveOn: '2010-11-20',
        reason: 'Later, "perhaps".',
        meeting: meeting.slug,
        source: 'Lisbon declaration',
        actor: 'bootstrap',
        recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      },
      expect.objectContaining({ item: first.slug, fromState: 'agreed', toState: 'implemented' }),
    ]);
    expect(body.countsBefore).toEqual((await status({ asOf: '2010-10-31', category })).counts);
    expect(body.countsAfter).toEqual((await status({ asOf: '2010-11-30', category })).counts);
    expect(body.countsBefore).toEqual({ ...zeros(), proposed: 1, under_discussion: 1 });
    expect(body.countsAfter).toEqual({ ...zeros(), proposed: 1, deferred: 1, implemented: 1 });
    // The proposal on 25 November counts in the timeline, though it is no transition.
    expect(body.timeline.map((point: { day: string }) => point.day)).toEqual([
      '2010-11-01',
      '2010-11-20',
      '2010-11-25',
      '2010-11-30',
    ]);
    expect(body.timeline.at(-1).counts).toEqual(body.countsAfter);

    const oneDay = await changes({ from: '2010-11-30', to: '2010-11-30', category });
    expect(oneDay.transitions.map((c: { toState: string }) => c.toState)).toEqual(['implemented']);
    expect((await changes({ from: '2010-11-02', to: '2010-11-19', category })).transitions).toEqual([]);
    const toToday = await changes({ from: '2010-12-01', category });
    expect(toToday.to).toBe(todayUtc());
    expect(toToday.transitions.map((c: { item: string }) => c.item)).toEqual([late.slug]);
  });

  it('serves a repeated question from its cache until the history moves on, in every format', async () => {
    const category = uniqueSlug('cached');
    const item = await makeItem(t, { category, proposedOn: '2010-09-22' });
    const text = async (format: string) =>
      (
        await t.api
          .get('/api/reports/status')
          .query({ category, format })
          .set(...bearer())
          .expect(200)
      ).text;
    const before = { json: await text('json'), csv: await text('csv') };
    expect({ json: await text('json'), csv: await text('csv') }).toEqual(before);

    await t.api
      .patch(`/api/items/${item.slug}`)
      .set(...bearer())
      .set('If-Match', '"1"')
      .send({ title: 'Renamed after the first report' })
      .expect(200);
    expect(await text('csv')).toContain('Renamed after the first report');
    const after = JSON.parse(await text('json')) as { head: { events: number }; items: Array<{ title: string }> };
    expect(after.items).toEqual([expect.objectContaining({ title: 'Renamed after the first report' })]);
    expect(after.head.events).toBe((JSON.parse(before.json) as { head: { events: number } }).head.events + 1);
  });

  it('answers 400 problems for bad days, a reversed window and unknown parameters', async () => {
    const bad: Array<[string, Query, string]> = [
      ['status', { asOf: '2010-13-45' }, 'asOf'],
      ['status', { asOf: '19 Nov 2010' }, 'asOf'],
      ['status', { knownAt: '2010-11-27' }, 'knownAt'],
      ['status', { knownAt: '2010-11-27T09:00:00' }, 'knownAt'],
      ['status', { color: 'red' }, 'color'],
      ['changes', { to: '2010-11-20' }, 'from'],
      ['changes', { from: '2010-11-21', to: '2010-11-20' }, 'from'],
      ['changes', { from: '2010-11-20', to: '2010-02-30' }, 'to'],
    ];
    for (const [path, query, field] of bad) {
      const response = await t.api
        .get(`/api/reports/${path}`)
        .query(query)
        .set(...bearer())
        .expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toContainEqual(expect.objectContaining({ field }));
    }
  });

  it('needs a token', async () => {
    await t.api.get('/api/reports/status').expect(401);
    await t.api.get('/api/reports/changes?from=2010-01-01').expect(401);
  });
});
