import { historyOf, makeItem, makeMeeting, postOutcomes, uniqueSlug } from './support/factories.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

const ARTICLE = 'https://www.themoscowtimes.com/2010/09/22/nato-seeks-strategic-partnership-with-russia-a1645';

describe('parties and their positions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRACKER_SEED: 'true' });
  });
  afterAll(async () => {
    await t.close();
  });

  function takePosition(item: string, body: Record<string, unknown>) {
    return t.api
      .post(`/api/items/${item}/positions`)
      .set(...bearer())
      .send(body);
  }

  async function makeParty(overrides: Record<string, unknown> = {}) {
    const response = await t.api
      .post('/api/parties')
      .set(...bearer())
      .send({ slug: uniqueSlug('party'), name: 'France', kind: 'state', ...overrides })
      .expect(201);
    return response.body as { id: string; slug: string };
  }

  async function positionsReport(query: Record<string, string>) {
    const response = await t.api
      .get('/api/reports/positions')
      .query(query)
      .set(...bearer())
      .expect(200);
    return response.body;
  }

  async function eventCount(): Promise<number> {
    const rows = await t.query('SELECT COUNT(*) AS n FROM history_events');
    return Number(rows[0].n);
  }

  describe('parties', () => {
    it('lists the seeded parties in slug order', async () => {
      const response = await t.api
        .get('/api/parties')
        .set(...bearer())
        .expect(200);
      expect(response.body.data.map((party: { slug: string }) => party.slug)).toEqual(
        expect.arrayContaining(['nato', 'russia', 'united-states']),
      );
      const nato = await t.api
        .get('/api/parties/nato')
        .set(...bearer())
        .expect(200);
      expect(nato.body).toEqual({ id: expect.any(String), slug: 'nato', name: 'NATO', kind: 'organization' });
    });

    it('creates a party (admin), refuses a taken slug, a bad kind and a viewer, and answers 404 for an unknown one', async () => {
      const party = await makeParty();
      const created = await t.api
        .get(`/api/parties/${party.id}`)
        .set(...bearer())
        .expect(200);
      expect(created.body.slug).toBe(party.slug);
      await t.api
        .post('/api/parties')
        .set(...bearer())
        .send({ slug: party.slug, name: 'Again', kind: 'state' })
        .expect(409);
      const badKind = await t.api
        .post('/api/parties')
        .set(...bearer())
        .send({ slug: uniqueSlug('party'), name: 'X', kind: 'empire' })
        .expect(400);
      expect(badKind.headers['content-type']).toMatch(/^application\/problem\+json/);
      const unknown = await t.api
        .get('/api/parties/no-such-party')
        .set(...bearer())
        .expect(404);
      expect(unknown.body).toMatchObject({ title: 'Party not found' });
    });
  });

  describe('the seeded positions', () => {
    it("shows who stands where on Russia's treaty, with the article as source", async () => {
      const treaty = await t.api
        .get('/api/items/european-security-treaty')
        .set(...bearer())
        .expect(200);
      expect(treaty.body.positions).toEqual([
        { party: 'russia', stance: 'supports', since: '2009-11-29', statement: expect.stringMatching(/Medvedev/) },
        {
          party: 'united-states',
          stance: 'opposes',
          since: '2010-09-22',
          statement: expect.stringMatching(/treaties/),
        },
      ]);
      expect(treaty.body.consensus).toEqual({
        supports: ['russia'],
        conditional: [],
        undecided: [],
        opposes: ['united-states'],
      });
      const events = await historyOf(t, 'european-security-treaty');
      const positioned = events.filter((event) => event.action === 'positioned');
      expect(positioned).toHaveLength(2);
      for (const event of positioned) {
        expect(event).toMatchObject({ source: ARTICLE, actor: 'seed', fromState: 'rejected', toState: 'rejected' });
      }
      expect(positioned[1]).toMatchObject({
        party: 'united-states',
        stance: 'opposes',
        changes: { stance: { from: null, to: 'opposes' } },
        meeting: 'nrc-new-york-2010',
      });
    });

    it('records the United States behind the six areas it urged and NATO behind the joint threat review', async () => {
      const supported = await t.api
        .get('/api/items?party=united-states&stance=supports&limit=200')
        .set(...bearer())
        .expect(200);
      expect(supported.body.data.map((item: { slug: string }) => item.slug)).toEqual([
        'cfe-treaty-update',
        'counter-narcotics-strategy',
        'early-warning-radar-linking',
        'military-doctrines-dialogue',
        'military-transparency',
        'missile-defense-cooperation',
      ]);
      const review = await t.api
        .get('/api/items/joint-threat-review')
        .set(...bearer())
        .expect(200);
      expect(review.body.consensus.supports).toEqual(['nato']);
      const opposed = await t.api
        .get('/api/items?stance=opposes')
        .set(...bearer())
        .expect(200);
      expect(opposed.body.data.map((item: { slug: string }) => item.slug)).toEqual(['european-security-treaty']);
    });

    it('matches no item for an unknown party in the list filter, and answers 400 for an unknown stance', async () => {
      const none = await t.api
        .get('/api/items?party=atlantis')
        .set(...bearer())
        .expect(200);
      expect(none.body).toMatchObject({ data: [], total: 0 });
      await t.api
        .get('/api/items?stance=maybe')
        .set(...bearer())
        .expect(400);
    });

    it('verifies the whole chain, positions included', async () => {
      const verify = await t.api
        .get('/api/audit/verify')
        .set(...bearer())
        .expect(200);
      expect(verify.body).toMatchObject({ ok: true });
    });
  });

  describe('taking a position', () => {
    it("appends a positioned event, raises the version and shows in the item's positions", async () => {
      const item = await makeItem(t);
      const party = await makeParty();
      const meeting = await makeMeeting(t, { heldOn: '2010-10-01' });
      const response = await takePosition(item.slug, {
        party: party.slug,
        stance: 'conditional',
        statement: 'Only with inspections.',
        source: 'Press conference',
        meeting: meeting.slug,
      }).expect(200);
      expect(response.headers.etag).toBe('"2"');
      expect(response.body).toMatchObject({
        version: 2,
        state: 'proposed',
        positions: [
          { party: party.slug, stance: 'conditional', since: '2010-10-01', statement: 'Only with inspections.' },
        ],
        consensus: { conditional: [party.slug] },
      });
      const again = await takePosition(item.slug, { party: party.id, stance: 'supports', effectiveOn: '2010-10-02' })
        .set('If-Match', '"2"')
        .expect(200);
      expect(again.body.positions).toEqual([
        { party: party.slug, stance: 'supports', since: '2010-10-02', statement: null },
      ]);
      const events = await historyOf(t, item.slug);
      expect(events.at(-1)).toMatchObject({
        seq: 3,
        action: 'positioned',
        party: party.slug,
        stance: 'supports',
        changes: { stance: { from: 'conditional', to: 'supports' } },
      });
    });

    it('refuses a position going back in time for that party (409), but not for another party', async () => {
      const item = await makeItem(t);
      const first = await makeParty();
      const second = await makeParty();
      await takePosition(item.slug, { party: first.slug, stance: 'supports', effectiveOn: '2010-10-10' }).expect(200);
      const before = await eventCount();
      const refused = await takePosition(item.slug, {
        party: first.slug,
        stance: 'opposes',
        effectiveOn: '2010-10-09',
      }).expect(409);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({
        type: 'https://policy-tracker.dev/problems/position-out-of-order',
        party: first.slug,
        previousPositionOn: '2010-10-10',
      });
      expect(await eventCount()).toBe(before);
      await takePosition(item.slug, { party: second.slug, stance: 'opposes', effectiveOn: '2010-10-09' }).expect(200);
    });

    it('refuses a day before the item was proposed (409) and a future day (400)', async () => {
      const item = await makeItem(t, { proposedOn: '2010-09-22' });
      await takePosition(item.slug, { party: 'nato', stance: 'supports', effectiveOn: '2010-09-21' }).expect(409);
      const future = await takePosition(item.slug, {
        party: 'nato',
        stance: 'supports',
        effectiveOn: '2999-01-01',
      }).expect(400);
      expect(future.body.errors).toEqual([expect.objectContaining({ field: 'effectiveOn' })]);
    });

    it('answers 404 for an unknown party or item, 400 for a bad stance, 412 for a stale If-Match', async () => {
      const item = await makeItem(t);
      const unknown = await takePosition(item.slug, { party: 'atlantis', stance: 'supports' }).expect(404);
      expect(unknown.body).toMatchObject({ title: 'Party not found', party: 'atlantis' });
      await takePosition('no-such-item', { party: 'nato', stance: 'supports' }).expect(404);
      const bad = await takePosition(item.slug, { party: 'nato', stance: 'lukewarm' }).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'stance' })]);
      await takePosition(item.slug, { party: 'nato', stance: 'supports' }).set('If-Match', '"9"').expect(412);
      const after = await t.api
        .get(`/api/items/${item.slug}`)
        .set(...bearer())
        .expect(200);
      expect(after.body).toMatchObject({ version: 1, positions: [] });
    });
  });

  describe('positions in a meeting outcomes batch', () => {
    it('applies transitions and positions as one batch on the meeting day', async () => {
      const meeting = await makeMeeting(t, { heldOn: '2010-11-20' });
      const a = await makeItem(t);
      const b = await makeItem(t);
      const response = await postOutcomes(t, meeting.slug, {
        outcomes: [{ item: a.slug, to: 'agreed' }],
        positions: [
          { item: a.slug, party: 'russia', stance: 'supports', statement: 'Endorsed jointly.' },
          { item: a.slug, party: 'nato', stance: 'supports' },
          { item: b.slug, party: 'russia', stance: 'undecided', source: 'Joint statement' },
        ],
      }).expect(200);
      expect(response.body.positions).toEqual([
        {
          item: a.slug,
          id: a.id,
          party: 'russia',
          fromStance: null,
          toStance: 'supports',
          version: 3,
          statement: 'Endorsed jointly.',
          source: null,
        },
        expect.objectContaining({ item: a.slug, party: 'nato', version: 4 }),
        expect.objectContaining({ item: b.slug, party: 'russia', toStance: 'undecided', version: 2 }),
      ]);
      const events = await historyOf(t, a.slug);
      expect(events.map((event) => [event.action, event.batch])).toEqual([
        ['created', null],
        ['transitioned', response.body.batch],
        ['positioned', response.body.batch],
        ['positioned', response.body.batch],
      ]);
      expect(events[3]).toMatchObject({ effectiveOn: '2010-11-20', meeting: meeting.slug, fromState: 'agreed' });
      const item = await t.api
        .get(`/api/items/${a.slug}`)
        .set(...bearer())
        .expect(200);
      expect(item.body).toMatchObject({ version: 4, state: 'agreed', consensus: { supports: ['nato', 'russia'] } });
    });

    it('accepts positions alone, with a dry run writing nothing and a retry answered once', async () => {
      const meeting = await makeMeeting(t, { heldOn: '2010-11-20' });
      const item = await makeItem(t);
      const before = await eventCount();
      const dry = await postOutcomes(t, meeting.slug, {
        positions: [{ item: item.slug, party: 'nato', stance: 'opposes' }],
        dryRun: true,
      }).expect(200);
      expect(dry.body).toMatchObject({ dryRun: true, batch: null, outcomes: [], positions: [{ version: 2 }] });
      expect(await eventCount()).toBe(before);
      const key = uniqueSlug('key');
      const body = { positions: [{ item: item.slug, party: 'nato', stance: 'opposes' }] };
      const first = await postOutcomes(t, meeting.slug, body, key).expect(200);
      const retry = await postOutcomes(t, meeting.slug, body, key).expect(200);
      expect(retry.text).toBe(first.text);
      expect(await eventCount()).toBe(before + 1);
      await postOutcomes(t, meeting.slug, { outcomes: [], positions: [] }).expect(400);
    });

    it('refuses the whole batch when one position fails, listing each failure', async () => {
      const meeting = await makeMeeting(t, { heldOn: '2010-11-20' });
      const item = await makeItem(t);
      const other = await makeItem(t, { proposedOn: '2010-11-25' });
      const before = await eventCount();
      const refused = await postOutcomes(t, meeting.slug, {
        outcomes: [{ item: item.slug, to: 'agreed' }],
        positions: [
          { item: item.slug, party: 'russia', stance: 'supports' },
          { item: item.slug, party: 'atlantis', stance: 'supports' },
          { item: other.slug, party: 'nato', stance: 'supports' },
        ],
      }).expect(409);
      expect(refused.body.failures).toEqual([
        expect.objectContaining({ index: 1, item: item.slug, party: 'atlantis', code: 'party_not_found', status: 404 }),
        expect.objectContaining({
          index: 2,
          item: other.slug,
          party: 'nato',
          code: 'position_out_of_order',
          status: 409,
        }),
      ]);
      expect(await eventCount()).toBe(before);
      const duplicate = await postOutcomes(t, meeting.slug, {
        positions: [
          { item: item.slug, party: 'russia', stance: 'supports' },
          { item: item.slug, party: 'russia', stance: 'opposes' },
        ],
      }).expect(400);
      expect(duplicate.body.errors).toEqual([expect.objectContaining({ field: 'positions.1.party' })]);
      const badStance = await postOutcomes(t, meeting.slug, {
        positions: [{ item: item.slug, party: 'russia', stance: 'maybe' }],
      }).expect(400);
      expect(badStance.body.errors).toEqual([expect.objectContaining({ field: 'positions.0.stance' })]);
      expect(await eventCount()).toBe(before);
    });
  });

  describe('the positions report', () => {
    it('rebuilds who stood where as of two days around the New York meeting', async () => {
      const before = await positionsReport({ asOf: '2010-09-21' });
      expect(before.parties).toEqual(expect.arrayContaining(['nato', 'russia', 'united-states']));
      // Only Russia's treaty had been proposed, and only Russia had a position on it.
      expect(before.items).toEqual([
        {
          slug: 'european-security-treaty',
          title: 'New European security treaty',
          state: 'proposed',
          positions: expect.objectContaining({
            russia: { stance: 'supports', since: '2009-11-29' },
            'united-states': null,
            nato: null,
          }),
        },
      ]);
      const after = await positionsReport({ asOf: '2010-09-23' });
      const treaty = after.items.find((item: { slug: string }) => item.slug === 'european-security-treaty');
      expect(treaty).toMatchObject({
        state: 'rejected',
        positions: { 'united-states': { stance: 'opposes', since: '2010-09-22' } },
      });
      const review = after.items.find((item: { slug: string }) => item.slug === 'joint-threat-review');
      expect(review.positions).toMatchObject({ nato: { stance: 'supports' }, russia: null });
    });

    it('reproduces with knownAt the report as published before a back-dated position', async () => {
      const category = uniqueSlug('known');
      const item = await makeItem(t, { category });
      await takePosition(item.slug, { party: 'nato', stance: 'supports', effectiveOn: '2010-09-25' }).expect(200);
      const events = await historyOf(t, item.slug);
      const knownAt = events.at(-1)?.recordedAt as string;
      await new Promise((resolve) => setTimeout(resolve, 5));
      await takePosition(item.slug, { party: 'russia', stance: 'opposes', effectiveOn: '2010-09-26' }).expect(200);
      const query = { asOf: '2010-09-30', category };
      const now = await positionsReport(query);
      expect(now.items[0].positions).toMatchObject({ nato: { stance: 'supports' }, russia: { stance: 'opposes' } });
      const then = await positionsReport({ ...query, knownAt });
      expect(then).toMatchObject({ knownAt, head: { events: expect.any(Number) } });
      expect(then.items[0].positions).toMatchObject({ nato: { stance: 'supports' }, russia: null });
    });

    it('keeps with divergent=true only the items where one party opposes while another supports', async () => {
      const report = await positionsReport({ asOf: '2010-09-23', divergent: 'true' });
      expect(report.divergent).toBe(true);
      expect(report.items.map((item: { slug: string }) => item.slug)).toEqual(['european-security-treaty']);
    });

    it('answers CSV, Markdown and an HTML matrix naming each stance in words', async () => {
      const query = { asOf: '2010-09-23', proposedBy: 'Russia' };
      const csv = await t.api
        .get('/api/reports/positions')
        .query({ ...query, format: 'csv' })
        .set(...bearer())
        .expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const [header, row] = csv.text.split('\r\n');
      expect(header).toContain('slug,title,state,');
      expect(header).toContain('united-states,united-states since');
      expect(row).toContain('european-security-treaty');
      expect(row).toContain('opposes,2010-09-22');
      const md = await t.api
        .get('/api/reports/positions')
        .query(query)
        .set('Accept', 'text/markdown')
        .set(...bearer())
        .expect(200);
      expect(md.text).toContain('Opposes (since 2010-09-22)');
      const page = await t.api
        .get('/api/reports/positions')
        .query({ ...query, format: 'html' })
        .set(...bearer())
        .expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('<td data-label="Item">european-security-treaty</td>');
      expect(page.text).toMatch(/Supports/);
      expect(page.text).toMatch(/Opposes/);
    });

    it('lists the positions taken in a window in the changes report', async () => {
      const report = await t.api
        .get('/api/reports/changes')
        .query({ from: '2010-09-22', to: '2010-09-22', proposedBy: 'Russia' })
        .set(...bearer())
        .expect(200);
      expect(report.body.positions).toEqual([
        expect.objectContaining({
          item: 'european-security-treaty',
          party: 'united-states',
          fromStance: null,
          toStance: 'opposes',
          effectiveOn: '2010-09-22',
          meeting: 'nrc-new-york-2010',
        }),
      ]);
      const csv = await t.api
        .get('/api/reports/changes')
        .query({ from: '2010-09-22', to: '2010-09-22', proposedBy: 'Russia', format: 'csv' })
        .set(...bearer())
        .expect(200);
      expect(csv.text).toContain('united-states,,opposes');
    });
  });
});
