import { auditVerdict, historyOf, makeItem, makeMeeting, uniqueSlug } from './support/factories.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

// A positioned event is corrected and retracted like a transition, each party's positions on an
// item being a timeline of their own; items, filters and reports follow the corrected record.
describe('corrections and retractions of positions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRACKER_SEED: 'true' });
  });
  afterAll(async () => {
    await t.close();
  });

  async function position(item: string, body: Record<string, unknown>): Promise<number> {
    const response = await t.api
      .post(`/api/items/${item}/positions`)
      .set(...bearer())
      .send(body)
      .expect(200);
    return response.body.version as number;
  }

  function correct(item: string, seq: number, body: Record<string, unknown>) {
    return t.api
      .post(`/api/items/${item}/history/${seq}/correction`)
      .set(...bearer())
      .send(body);
  }

  function retract(item: string, seq: number, note = 'Recorded by mistake.') {
    return t.api
      .post(`/api/items/${item}/history/${seq}/retraction`)
      .set(...bearer())
      .send({ note });
  }

  async function itemOf(slug: string) {
    const response = await t.api
      .get(`/api/items/${slug}`)
      .set(...bearer())
      .expect(200);
    return response.body;
  }

  async function report(path: string, query: Record<string, string>) {
    const response = await t.api
      .get(`/api/reports/${path}`)
      .query(query)
      .set(...bearer())
      .expect(200);
    return response.body;
  }

  // A fresh item in a category of its own, so that reports can be narrowed to it.
  async function isolatedItem() {
    const category = uniqueSlug('cat');
    return { ...(await makeItem(t, { category })), category };
  }

  // A problem's type names its code, in kebab case.
  function problemOf(code: string) {
    return expect.stringMatching(new RegExp(`/${code.replaceAll('_', '-')}$`));
  }

  async function lastRecordedAt(slug: string): Promise<string> {
    const events = await historyOf(t, slug);
    const recordedAt = events.at(-1)?.recordedAt as string;
    // The next event is recorded strictly later.
    await new Promise((resolve) => setTimeout(resolve, 5));
    return recordedAt;
  }

  describe('correcting a position', () => {
    it("moves its day and its statement, in the item's positions and its history", async () => {
      const item = await makeItem(t);
      const seq = await position(item.slug, {
        party: 'russia',
        stance: 'conditional',
        statement: 'Only with joint command.',
        effectiveOn: '2010-10-01',
      });
      const corrected = await correct(item.slug, seq, {
        note: 'The statement was made on 5 October, in these words.',
        effectiveOn: '2010-10-05',
        reason: 'Only under a joint command.',
      }).expect(201);
      expect(corrected.body).toMatchObject({
        action: 'corrected',
        corrects: seq,
        changes: {
          effectiveOn: { from: '2010-10-01', to: '2010-10-05' },
          reason: { from: 'Only with joint command.', to: 'Only under a joint command.' },
        },
        reason: 'The statement was made on 5 October, in these words.',
      });
      expect((await itemOf(item.slug)).positions).toEqual([
        { party: 'russia', stance: 'conditional', since: '2010-10-05', statement: 'Only under a joint command.' },
      ]);
      const history = await historyOf(t, item.slug);
      expect(history.find((event) => event.seq === seq)).toMatchObject({
        party: 'russia',
        effectiveOn: '2010-10-01',
        correctedBy: [corrected.body.seq],
      });
      expect((await auditVerdict(t)).ok).toBe(true);
    });

    it("keeps each party's positions in order, on their own, and not before the item was proposed", async () => {
      const item = await makeItem(t, { proposedOn: '2010-09-22' });
      const first = await position(item.slug, { party: 'nato', stance: 'undecided', effectiveOn: '2010-10-01' });
      const second = await position(item.slug, { party: 'nato', stance: 'supports', effectiveOn: '2010-10-10' });
      await position(item.slug, { party: 'russia', stance: 'opposes', effectiveOn: '2010-10-20' });
      const late = await correct(item.slug, first, { note: 'Later.', effectiveOn: '2010-10-11' }).expect(409);
      expect(late.body).toMatchObject({
        type: problemOf('correction_out_of_order'),
        earliest: '2010-09-22',
        latest: '2010-10-10',
      });
      const early = await correct(item.slug, second, { note: 'Earlier.', effectiveOn: '2010-09-30' }).expect(409);
      expect(early.body).toMatchObject({
        type: problemOf('correction_out_of_order'),
        earliest: '2010-10-01',
        latest: null,
      });
      await correct(item.slug, first, { note: 'Before the proposal?', effectiveOn: '2010-09-21' }).expect(409);
      // Russia's later position does not bound NATO's: another party's timeline.
      await correct(item.slug, second, { note: 'Later still.', effectiveOn: '2010-10-25' }).expect(201);
      // A new NATO position is checked against the corrected day.
      await t.api
        .post(`/api/items/${item.slug}/positions`)
        .set(...bearer())
        .send({ party: 'nato', stance: 'opposes', effectiveOn: '2010-10-24' })
        .expect(409);
      await correct(item.slug, second, { note: 'Future.', effectiveOn: '2999-01-01' }).expect(400);
      expect((await auditVerdict(t)).ok).toBe(true);
    });
  });

  describe('retracting a position', () => {
    it('returns the party to its previous position, then to none, and refuses all but the latest', async () => {
      const item = await makeItem(t);
      const first = await position(item.slug, {
        party: 'united-states',
        stance: 'supports',
        effectiveOn: '2010-10-01',
      });
      const second = await position(item.slug, {
        party: 'united-states',
        stance: 'opposes',
        effectiveOn: '2010-10-10',
      });
      const other = await position(item.slug, { party: 'nato', stance: 'supports', effectiveOn: '2010-10-12' });
      const moved = await t.api
        .post(`/api/items/${item.slug}/transitions`)
        .set(...bearer())
        .send({ to: 'under_discussion', effectiveOn: '2010-10-15' })
        .expect(200);

      const notLatest = await retract(item.slug, first).expect(409);
      // Only the party's own later positions stand in the way, not NATO's nor the transition.
      expect(notLatest.body).toMatchObject({ type: problemOf('retraction_not_latest'), laterEvents: [second] });

      const withdrawn = await retract(item.slug, second).expect(201);
      expect(withdrawn.body).toMatchObject({
        action: 'retracted',
        retracts: second,
        fromState: 'under_discussion',
        toState: 'under_discussion',
        changes: { stance: { from: 'opposes', to: 'supports' } },
      });
      let detail = await itemOf(item.slug);
      expect(detail).toMatchObject({ state: 'under_discussion', stateSince: '2010-10-15' });
      expect(detail.positions).toEqual([
        expect.objectContaining({ party: 'nato', stance: 'supports' }),
        expect.objectContaining({ party: 'united-states', stance: 'supports', since: '2010-10-01' }),
      ]);
      expect(detail.consensus).toMatchObject({ supports: ['nato', 'united-states'], opposes: [] });

      await retract(item.slug, second).expect(409);
      await correct(item.slug, second, { note: 'Too late.', source: 'Cable' }).expect(409);
      const last = await retract(item.slug, first).expect(201);
      expect(last.body.changes).toEqual({ stance: { from: 'supports', to: null } });
      detail = await itemOf(item.slug);
      expect(detail.positions).toEqual([expect.objectContaining({ party: 'nato' })]);

      // With its positions withdrawn, the party's next one is checked against none: any day after
      // the proposal will do.
      await position(item.slug, { party: 'united-states', stance: 'undecided', effectiveOn: '2010-09-25' });
      // The transition and NATO's position are still retractable on their own.
      await retract(item.slug, other).expect(201);
      await retract(item.slug, moved.body.version as number).expect(201);
      expect(await historyOf(t, item.slug)).toEqual(
        expect.arrayContaining([expect.objectContaining({ seq: second, retractedBy: withdrawn.body.seq })]),
      );
      expect((await auditVerdict(t)).ok).toBe(true);
    });

    it('takes the item out of the list filter for the stance withdrawn', async () => {
      const item = await isolatedItem();
      const seq = await position(item.slug, { party: 'russia', stance: 'opposes', effectiveOn: '2010-10-01' });
      const list = async (stance: string) => {
        const response = await t.api
          .get('/api/items')
          .query({ party: 'russia', stance, category: item.category })
          .set(...bearer())
          .expect(200);
        return response.body.data.map((found: { slug: string }) => found.slug);
      };
      expect(await list('opposes')).toEqual([item.slug]);
      await retract(item.slug, seq).expect(201);
      expect(await list('opposes')).toEqual([]);
      const all = await t.api
        .get('/api/items')
        .query({ party: 'russia', category: item.category })
        .set(...bearer())
        .expect(200);
      expect(all.body.data).toEqual([]);
    });
  });

  describe('reports', () => {
    it('follow the corrected day and leave a retracted position out, and reproduce the earlier report with knownAt', async () => {
      const item = await isolatedItem();
      const nato = await position(item.slug, { party: 'nato', stance: 'supports', effectiveOn: '2010-10-01' });
      await position(item.slug, { party: 'russia', stance: 'undecided', effectiveOn: '2010-10-02' });
      const russia = await position(item.slug, { party: 'russia', stance: 'opposes', effectiveOn: '2010-10-03' });
      const before = await lastRecordedAt(item.slug);

      await correct(item.slug, nato, { note: 'NATO spoke on 10 October.', effectiveOn: '2010-10-10' }).expect(201);
      await retract(item.slug, russia).expect(201);

      const query = { asOf: '2010-10-05', category: item.category };
      const now = await report('positions', query);
      expect(now.items[0].positions).toMatchObject({
        nato: null,
        russia: { stance: 'undecided', since: '2010-10-02' },
      });
      const later = await report('positions', { ...query, asOf: '2010-10-10' });
      expect(later.items[0].positions).toMatchObject({ nato: { stance: 'supports', since: '2010-10-10' } });
      const then = await report('positions', { ...query, knownAt: before });
      expect(then.items[0].positions).toMatchObject({
        nato: { stance: 'supports', since: '2010-10-01' },
        russia: { stance: 'opposes', since: '2010-10-03' },
      });
      expect((await report('positions', { ...query, divergent: 'true', knownAt: before })).items).toHaveLength(1);
      expect((await report('positions', { ...query, divergent: 'true' })).items).toHaveLength(0);

      const window = { from: '2010-10-01', to: '2010-10-31', category: item.category };
      const changes = await report('changes', window);
      expect(
        changes.positions.map((change: Record<string, unknown>) => [
          change.party,
          change.fromStance,
          change.toStance,
          change.effectiveOn,
        ]),
      ).toEqual([
        ['russia', null, 'undecided', '2010-10-02'],
        ['nato', null, 'supports', '2010-10-10'],
      ]);
      const published = await report('changes', { ...window, knownAt: before });
      expect(published.positions).toHaveLength(3);
      expect(published.positions[2]).toMatchObject({ party: 'russia', fromStance: 'undecided', toStance: 'opposes' });
    });
  });

  describe('retracting an outcomes batch with positions', () => {
    async function summit() {
      const meeting = await makeMeeting(t, { heldOn: '2010-11-20' });
      const a = await makeItem(t);
      const b = await makeItem(t);
      await position(b.slug, { party: 'russia', stance: 'undecided', effectiveOn: '2010-10-01' });
      const applied = await t.api
        .post(`/api/meetings/${meeting.slug}/outcomes`)
        .set(...bearer())
        .send({
          outcomes: [{ item: a.slug, to: 'agreed' }],
          positions: [
            { item: a.slug, party: 'nato', stance: 'supports' },
            { item: b.slug, party: 'russia', stance: 'supports' },
          ],
        })
        .expect(200);
      return { a, b, batch: applied.body.batch as string };
    }

    function retractBatch(batch: string, body: Record<string, unknown>, key?: string) {
      const call = t.api
        .post(`/api/batches/${batch}/retraction`)
        .set(...bearer())
        .send(body);
      return key === undefined ? call : call.set('Idempotency-Key', key);
    }

    it('withdraws its transitions and positions together, after a dry run that writes nothing', async () => {
      const { a, b, batch } = await summit();
      const dry = await retractBatch(batch, { note: 'Wrong file.', dryRun: true }).expect(200);
      expect(dry.body).toMatchObject({ dryRun: true, batch: null });
      expect((await itemOf(a.slug)).version).toBe(3);

      const key = uniqueSlug('key');
      const done = await retractBatch(batch, { note: 'Wrong file.' }, key).expect(200);
      expect(done.body.outcomes).toEqual([
        expect.objectContaining({ item: a.slug, retracts: 2, fromState: 'agreed', toState: 'proposed' }),
      ]);
      expect(done.body.positions).toEqual(
        expect.arrayContaining([
          {
            item: a.slug,
            id: a.id,
            party: 'nato',
            retracts: 3,
            fromStance: 'supports',
            toStance: null,
            version: 4,
            reason: 'Wrong file.',
          },
          expect.objectContaining({ item: b.slug, party: 'russia', fromStance: 'supports', toStance: 'undecided' }),
        ]),
      );
      const replay = await retractBatch(batch, { note: 'Wrong file.' }, key).expect(200);
      expect(replay.text).toBe(done.text);

      expect(await itemOf(a.slug)).toMatchObject({ state: 'proposed', version: 5, positions: [] });
      expect((await itemOf(b.slug)).positions).toEqual([
        expect.objectContaining({ party: 'russia', stance: 'undecided', since: '2010-10-01' }),
      ]);
      const again = await retractBatch(batch, { note: 'Once more.' }).expect(409);
      expect(again.body.type).toEqual(problemOf('batch_already_retracted'));
      expect((await auditVerdict(t)).ok).toBe(true);
    });

    it('refuses as a whole when a party took a later position on an item of the batch', async () => {
      const { a, b, batch } = await summit();
      const later = await position(b.slug, { party: 'russia', stance: 'opposes', effectiveOn: '2010-11-25' });
      const refused = await retractBatch(batch, { note: 'Wrong file.' }).expect(409);
      expect(refused.body.failures).toEqual([
        expect.objectContaining({ item: b.slug, code: 'retraction_not_latest', laterEvents: [later] }),
      ]);
      expect(await itemOf(a.slug)).toMatchObject({ state: 'agreed', version: 3 });
    });
  });
});
