import { auditVerdict, historyOf, makeItem, uniqueSlug } from './support/factories.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

// Items proposed 2010-09-22; assessed at the end of monitoring periods after it.
describe('assessments: did each party comply', () => {
  let t: TestApp;
  let parties: string[];
  beforeAll(async () => {
    t = await startTestApp();
    parties = [];
    for (const name of ['alpha', 'bravo', 'charlie']) {
      const slug = uniqueSlug(name);
      await t.api
        .post('/api/parties')
        .set(...bearer())
        .send({ slug, name, kind: 'state' })
        .expect(201);
      parties.push(slug);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  function assess(body: Record<string, unknown>, key?: string) {
    const call = t.api
      .post('/api/assessments')
      .set(...bearer())
      .send(body);
    return key === undefined ? call : call.set('Idempotency-Key', key);
  }

  function matrix(csv: string, query: Record<string, string>) {
    return t.api
      .post('/api/assessments')
      .query(query)
      .set(...bearer())
      .set('Content-Type', 'text/csv')
      .send(csv);
  }

  async function item(key: string) {
    const response = await t.api
      .get(`/api/items/${key}`)
      .set(...bearer())
      .expect(200);
    return response.body as { version: number; assessments: Record<string, unknown>[] };
  }

  async function eventCount(): Promise<number> {
    const rows = await t.query('SELECT COUNT(*) AS n FROM history_events');
    return Number(rows[0].n);
  }

  it('records an assessed event per entry, chained, and the item answers each standing score', async () => {
    const { slug } = await makeItem(t);
    const [alpha, bravo] = parties;
    const response = await assess({
      effectiveOn: '2011-06-30',
      assessments: [
        { item: slug, party: alpha, score: 1, evidence: 'Joint review launched', source: 'NRC statement' },
        { item: slug, party: bravo, score: 'n/a' },
      ],
    }).expect(200);
    expect(response.body).toEqual({
      dryRun: false,
      batch: expect.any(String),
      effectiveOn: '2011-06-30',
      results: [
        { item: slug, party: alpha, from: null, to: 1, seq: 2 },
        { item: slug, party: bravo, from: null, to: 'n/a', seq: 3 },
      ],
    });
    const history = await historyOf(t, slug);
    expect(history[1]).toMatchObject({
      action: 'assessed',
      party: alpha,
      score: 1,
      changes: { score: { from: null, to: 1 } },
      reason: 'Joint review launched',
      source: 'NRC statement',
      effectiveOn: '2011-06-30',
      batch: response.body.batch,
    });
    expect((await item(slug)).assessments).toEqual([
      { party: alpha, score: 1, since: '2011-06-30', evidence: 'Joint review launched' },
      { party: bravo, score: 'n/a', since: '2011-06-30', evidence: null },
    ]);
    // The next score of a party names the one it replaces.
    const next = await assess({ effectiveOn: '2011-12-31', assessments: [{ item: slug, party: alpha, score: 0 }] });
    expect(next.body.results).toEqual([{ item: slug, party: alpha, from: 1, to: 0, seq: 4 }]);
    expect((await auditVerdict(t)).ok).toBe(true);
  });

  it('takes the four scores and nothing else', async () => {
    const { slug } = await makeItem(t);
    for (const score of [2, '1', '+1', 0.5, null, 'N/A']) {
      const response = await assess({
        effectiveOn: '2011-06-30',
        assessments: [{ item: slug, party: parties[0], score }],
      }).expect(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'assessments.0.score' })]);
    }
    expect((await item(slug)).version).toBe(1);
  });

  it('takes up to 5,000 entries in one request', async () => {
    const { slug } = await makeItem(t);
    const entries = Array.from({ length: 5001 }, () => ({ item: slug, party: parties[0], score: 1 }));
    const response = await assess({ effectiveOn: '2011-06-30', assessments: entries }).expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'assessments' })]);
  });

  it('refuses a future day (400), and is all or nothing: any failing entry and nothing is written', async () => {
    const { slug } = await makeItem(t);
    await assess({ effectiveOn: '2999-01-01', assessments: [{ item: slug, party: parties[0], score: 1 }] }).expect(400);
    const before = await eventCount();
    const response = await assess({
      effectiveOn: '2011-06-30',
      assessments: [
        { item: slug, party: parties[0], score: 1 },
        { item: 'no-such-item', party: parties[0], score: 1 },
        { item: slug, party: 'no-such-party', score: 0 },
        { item: slug, party: parties[1], score: -1 },
      ],
    }).expect(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.failures).toEqual([
      expect.objectContaining({
        index: 1,
        item: 'no-such-item',
        party: parties[0],
        status: 404,
        detail: expect.any(String),
      }),
      expect.objectContaining({ index: 2, item: slug, party: 'no-such-party', status: 404 }),
    ]);
    expect(await eventCount()).toBe(before);
  });

  it("refuses a day before the item's proposal or the party's standing assessment (409), and a cell named twice (400)", async () => {
    const { slug } = await makeItem(t, { proposedOn: '2010-09-22' });
    const [alpha] = parties;
    const early = await assess({ effectiveOn: '2010-09-21', assessments: [{ item: slug, party: alpha, score: 1 }] });
    expect(early.status).toBe(409);
    expect(early.body.failures[0]).toMatchObject({ code: 'assessment_out_of_order', status: 409 });
    await assess({ effectiveOn: '2011-06-30', assessments: [{ item: slug, party: alpha, score: 1 }] }).expect(200);
    const backwards = await assess({
      effectiveOn: '2011-06-29',
      assessments: [{ item: slug, party: alpha, score: 0 }],
    });
    expect(backwards.status).toBe(409);
    expect(backwards.body.failures[0].detail).toContain('2011-06-30');
    // The same day again is in order: a period re-scored.
    await assess({ effectiveOn: '2011-06-30', assessments: [{ item: slug, party: alpha, score: 0 }] }).expect(200);
    const twice = await assess({
      effectiveOn: '2011-07-01',
      assessments: [
        { item: slug, party: alpha, score: 1 },
        { item: slug, party: alpha, score: 0 },
      ],
    }).expect(400);
    expect(twice.body.failures).toEqual([
      expect.objectContaining({ index: 1, code: 'duplicate_assessment', status: 400 }),
    ]);
  });

  it('writes nothing on a dry run, and applies a keyed request once', async () => {
    const { slug } = await makeItem(t);
    const body = { effectiveOn: '2011-06-30', assessments: [{ item: slug, party: parties[2], score: -1 }] };
    const dry = await assess({ ...body, dryRun: true }).expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, batch: null, results: [{ from: null, to: -1, seq: null }] });
    expect((await item(slug)).version).toBe(1);
    const key = uniqueSlug('key');
    const first = await assess(body, key).expect(200);
    const again = await assess(body, key).expect(200);
    expect(again.text).toBe(first.text);
    expect((await item(slug)).version).toBe(2);
    await assess({ ...body, assessments: [{ ...body.assessments[0], score: 1 }] }, key).expect(422);
  });

  it('takes the score matrix as text/csv and names the cell of each failure', async () => {
    const one = await makeItem(t);
    const two = await makeItem(t);
    const [alpha, bravo] = parties;
    const csv = `item,${alpha},${bravo}\r\n${one.slug},+1,n/a\r\n${two.slug},-1,\r\n`;
    const response = await matrix(csv, { effectiveOn: '2011-06-30' }).expect(200);
    expect(response.body.results).toEqual([
      { item: one.slug, party: alpha, from: null, to: 1, seq: 2 },
      { item: one.slug, party: bravo, from: null, to: 'n/a', seq: 3 },
      { item: two.slug, party: alpha, from: null, to: -1, seq: 2 },
    ]);
    const bad = await matrix(`item,${alpha},${bravo}\n${one.slug},1,yes\n${two.slug},2,0\n`, {
      effectiveOn: '2011-12-31',
    }).expect(400);
    expect(bad.body.failures).toEqual([
      expect.objectContaining({ item: one.slug, party: bravo, line: 2, code: 'invalid_score' }),
      expect.objectContaining({ item: two.slug, party: alpha, line: 3, code: 'invalid_score' }),
    ]);
    const unknown = await matrix(`item,${alpha}\nno-such-item,0\n`, { effectiveOn: '2011-12-31' }).expect(409);
    expect(unknown.body.failures).toEqual([
      expect.objectContaining({ item: 'no-such-item', party: alpha, line: 2, status: 404 }),
    ]);
    await matrix(`item,${alpha}\n${one.slug},0\n`, {}).expect(400);
    const dry = await matrix(`item,${alpha}\n${one.slug},0\n`, { effectiveOn: '2011-12-31', dryRun: 'true' }).expect(
      200,
    );
    expect(dry.body).toMatchObject({ dryRun: true, results: [{ from: 1, to: 0, seq: null }] });
    // CSV is taken here only.
    await t.api
      .post('/api/items')
      .set(...bearer())
      .set('Content-Type', 'text/csv')
      .send('slug\nx\n')
      .expect(415);
  });

  it('corrects a score, and a retraction returns the party to its previous score, or none', async () => {
    const { slug } = await makeItem(t);
    const [alpha] = parties;
    await assess({ effectiveOn: '2011-06-30', assessments: [{ item: slug, party: alpha, score: 0 }] }).expect(200);
    await assess({ effectiveOn: '2011-12-31', assessments: [{ item: slug, party: alpha, score: 1 }] }).expect(200);
    const correction = await t.api
      .post(`/api/items/${slug}/history/3/correction`)
      .set(...bearer())
      .send({ note: 'Final report: partial only', score: 0 })
      .expect(201);
    expect(correction.body).toMatchObject({ action: 'corrected', corrects: 3, changes: { score: { from: 1, to: 0 } } });
    expect((await item(slug)).assessments).toEqual([
      expect.objectContaining({ party: alpha, score: 0, since: '2011-12-31' }),
    ]);
    // A score is an assessment's only.
    await t.api
      .post(`/api/items/${slug}/history/1/correction`)
      .set(...bearer())
      .send({ note: 'no', score: 1 })
      .expect(409);
    await t.api
      .post(`/api/items/${slug}/history/2/correction`)
      .set(...bearer())
      .send({ note: 'no', score: 5 })
      .expect(400);
    // Only the party's latest standing assessment can be retracted.
    const early = await t.api
      .post(`/api/items/${slug}/history/2/retraction`)
      .set(...bearer())
      .send({ note: 'mistake' })
      .expect(409);
    expect(early.body.laterEvents).toEqual([3]);
    const retraction = await t.api
      .post(`/api/items/${slug}/history/3/retraction`)
      .set(...bearer())
      .send({ note: 'Entered against the wrong period' })
      .expect(201);
    expect(retraction.body).toMatchObject({ action: 'retracted', retracts: 3, changes: { score: { from: 0, to: 0 } } });
    expect((await item(slug)).assessments).toEqual([
      expect.objectContaining({ party: alpha, score: 0, since: '2011-06-30' }),
    ]);
    await t.api
      .post(`/api/items/${slug}/history/2/retraction`)
      .set(...bearer())
      .send({ note: 'Not assessed after all' })
      .expect(201);
    expect((await item(slug)).assessments).toEqual([]);
    expect((await auditVerdict(t)).ok).toBe(true);
  });

  it('retracts a whole assessments batch, listing the scores under assessments', async () => {
    const { slug } = await makeItem(t);
    const [alpha, bravo] = parties;
    await assess({ effectiveOn: '2011-06-30', assessments: [{ item: slug, party: alpha, score: -1 }] }).expect(200);
    const upload = await assess({
      effectiveOn: '2011-12-31',
      assessments: [
        { item: slug, party: alpha, score: 1 },
        { item: slug, party: bravo, score: 0 },
      ],
    }).expect(200);
    const response = await t.api
      .post(`/api/batches/${upload.body.batch}/retraction`)
      .set(...bearer())
      .send({ note: 'The wrong file was uploaded' })
      .expect(200);
    expect(response.body.outcomes).toEqual([]);
    expect(response.body.assessments).toEqual([
      expect.objectContaining({ item: slug, party: bravo, retracts: 4, from: 0, to: null }),
      expect.objectContaining({ item: slug, party: alpha, retracts: 3, from: 1, to: -1 }),
    ]);
    expect((await item(slug)).assessments).toEqual([expect.objectContaining({ party: alpha, score: -1 })]);
    expect((await auditVerdict(t)).ok).toBe(true);
  });

  it("leaves the parties' positions alone: reports, the item list's party filter and the item answer", async () => {
    const { slug } = await makeItem(t, { proposedOn: '2010-09-22' });
    const [alpha] = parties;
    await t.api
      .post(`/api/items/${slug}/positions`)
      .set(...bearer())
      .send({ party: alpha, stance: 'supports', effectiveOn: '2010-10-01' })
      .expect(200);
    await assess({ effectiveOn: '2011-06-30', assessments: [{ item: slug, party: alpha, score: -1 }] }).expect(200);
    const positions = await t.api
      .get('/api/reports/positions')
      .query({ asOf: '2011-12-31' })
      .set(...bearer())
      .expect(200);
    const row = positions.body.items.find((one: { slug: string }) => one.slug === slug);
    expect(row.positions[alpha]).toEqual({ stance: 'supports', since: '2010-10-01' });
    const changes = await t.api
      .get('/api/reports/changes')
      .query({ from: '2010-09-01', to: '2011-12-31' })
      .set(...bearer())
      .expect(200);
    expect(changes.body.positions.filter((one: { item: string }) => one.item === slug)).toEqual([
      expect.objectContaining({ party: alpha, toStance: 'supports' }),
    ]);
    for (const query of [{ party: alpha }, { party: alpha, stance: 'supports' }, { stance: 'supports' }]) {
      const list = await t.api
        .get('/api/items')
        .query({ ...query, limit: 200 })
        .set(...bearer())
        .expect(200);
      expect(list.body.data.map((one: { slug: string }) => one.slug)).toContain(slug);
    }
    const answer = await item(slug);
    expect(answer).toMatchObject({
      positions: [expect.objectContaining({ party: alpha, stance: 'supports' })],
      assessments: [expect.objectContaining({ party: alpha, score: -1 })],
    });
  });
});
