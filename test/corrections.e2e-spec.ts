import { auditVerdict, historyOf, makeItem, makeMeeting, makeToken } from './support/factories.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

describe('corrections and retractions', () => {
  let t: TestApp;
  let viewer: string;
  beforeAll(async () => {
    t = await startTestApp();
    viewer = (await makeToken(t, 'viewer')).token;
  });
  afterEach(async () => {
    // Whatever a test did, the history still verifies under the new rules.
    expect(await auditVerdict(t)).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await t.close();
  });

  function post(path: string, body: unknown, token?: string) {
    return t.api
      .post(path)
      .set(...bearer(token))
      .send(body as object);
  }

  async function item(key: string) {
    return (
      await t.api
        .get(`/api/items/${key}`)
        .set(...bearer())
        .expect(200)
    ).body as { state: string; stateSince: string; version: number };
  }

  // An item proposed on 2010-09-22, under discussion from 2010-10-01 (seq 2), agreed at a meeting
  // on 2010-11-20 (seq 3).
  async function discussedThenAgreed() {
    const meeting = await makeMeeting(t, { heldOn: '2010-11-20' });
    const made = await makeItem(t);
    await post(`/api/items/${made.slug}/transitions`, { to: 'under_discussion', effectiveOn: '2010-10-01' }).expect(
      200,
    );
    await post(`/api/items/${made.slug}/transitions`, { to: 'agreed', meeting: meeting.slug }).expect(200);
    return { ...made, meeting };
  }

  describe('correcting a transition', () => {
    it('appends a corrected event, marks the event it corrects, and keeps the item where it was', async () => {
      const { slug } = await discussedThenAgreed();
      const response = await post(`/api/items/${slug}/history/2/correction`, {
        note: 'Talks began on the 15th, not the 1st.',
        effectiveOn: '2010-10-15',
        source: 'NRC press release, 15 October 2010',
      }).expect(201);
      expect(response.body).toMatchObject({
        item: slug,
        seq: 4,
        action: 'corrected',
        corrects: 2,
        fromState: 'agreed',
        toState: 'agreed',
        changes: {
          effectiveOn: { from: '2010-10-01', to: '2010-10-15' },
          source: { from: null, to: 'NRC press release, 15 October 2010' },
        },
        reason: 'Talks began on the 15th, not the 1st.',
        actor: 'bootstrap',
      });
      expect(await item(slug)).toMatchObject({ state: 'agreed', stateSince: '2010-11-20', version: 4 });
      const history = await historyOf(t, slug);
      expect(history[1]).toMatchObject({ seq: 2, effectiveOn: '2010-10-01', correctedBy: [4] });
      expect(history[1]).not.toHaveProperty('retractedBy');
      expect(history[0]).not.toHaveProperty('correctedBy');
    });

    it('lets the latest correction win and moves stateSince when the latest transition is corrected', async () => {
      const { slug, meeting } = await discussedThenAgreed();
      const other = await makeMeeting(t, { heldOn: '2010-11-19' });
      await post(`/api/items/${slug}/history/3/correction`, {
        note: 'Agreed the day after the summit.',
        effectiveOn: '2010-11-21',
      }).expect(201);
      expect(await item(slug)).toMatchObject({ stateSince: '2010-11-21', version: 4 });
      const again = await post(`/api/items/${slug}/history/3/correction`, {
        note: 'It was the other meeting, on the 19th.',
        effectiveOn: '2010-11-19',
        meeting: other.id,
      }).expect(201);
      expect(again.body.changes).toEqual({
        effectiveOn: { from: '2010-11-21', to: '2010-11-19' },
        meeting: { from: meeting.slug, to: other.slug },
      });
      const cleared = await post(`/api/items/${slug}/history/3/correction`, {
        note: 'No meeting decided it.',
        meeting: null,
      }).expect(201);
      expect(cleared.body.changes).toEqual({ meeting: { from: other.slug, to: null } });
      expect(await item(slug)).toMatchObject({ state: 'agreed', stateSince: '2010-11-19', version: 6 });
      expect((await historyOf(t, slug))[2]).toMatchObject({ correctedBy: [4, 5, 6] });
    });

    it('refuses a date out of order with 409 and a future date with 400, changing nothing', async () => {
      const { slug } = await discussedThenAgreed();
      const after = await post(`/api/items/${slug}/history/2/correction`, {
        note: 'x',
        effectiveOn: '2010-11-25',
      }).expect(409);
      expect(after.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(after.body).toMatchObject({
        status: 409,
        type: 'https://policy-tracker.dev/problems/correction-out-of-order',
        earliest: '2010-09-22',
        latest: '2010-11-20',
      });
      const before = await post(`/api/items/${slug}/history/2/correction`, {
        note: 'x',
        effectiveOn: '2010-09-01',
      }).expect(409);
      expect(before.body.type).toMatch(/correction-out-of-order$/);
      await post(`/api/items/${slug}/history/3/correction`, { note: 'x', effectiveOn: '2010-10-01' }).expect(201);
      await post(`/api/items/${slug}/history/3/correction`, { note: 'x', effectiveOn: '2999-01-01' }).expect(400);
      expect(await item(slug)).toMatchObject({ stateSince: '2010-10-01', version: 4 });
    });

    it('refuses what cannot be corrected: 404 for an unknown seq, 409 for other actions, 400 for bad input', async () => {
      const { slug } = await discussedThenAgreed();
      const created = await post(`/api/items/${slug}/history/1/correction`, { note: 'x', reason: 'y' }).expect(409);
      expect(created.body.type).toMatch(/event-not-amendable$/);
      await post(`/api/items/${slug}/history/2/correction`, { note: 'x', reason: 'Talks.' }).expect(201);
      await post(`/api/items/${slug}/history/4/correction`, { note: 'x', reason: 'y' }).expect(409);
      const unknown = await post(`/api/items/${slug}/history/99/correction`, { note: 'x', reason: 'y' }).expect(404);
      expect(unknown.body.type).toMatch(/event-not-found$/);
      await post(`/api/items/no-such-item/history/2/correction`, { note: 'x', reason: 'y' }).expect(404);
      await post(`/api/items/${slug}/history/abc/correction`, { note: 'x', reason: 'y' }).expect(400);
      await post(`/api/items/${slug}/history/0/correction`, { note: 'x', reason: 'y' }).expect(400);
      const nothing = await post(`/api/items/${slug}/history/2/correction`, { note: 'x' }).expect(400);
      expect(nothing.body.errors).toEqual([expect.objectContaining({ field: 'body' })]);
      await post(`/api/items/${slug}/history/2/correction`, { note: 'x', reason: 'Talks.' }).expect(400);
      await post(`/api/items/${slug}/history/2/correction`, { reason: 'y' }).expect(400);
      await post(`/api/items/${slug}/history/2/correction`, { note: '  ', reason: 'y' }).expect(400);
      await post(`/api/items/${slug}/history/2/correction`, { note: 'x', reason: null }).expect(400);
      await post(`/api/items/${slug}/history/2/correction`, { note: 'x', state: 'agreed' }).expect(400);
      expect(await item(slug)).toMatchObject({ version: 4 });
    });
  });

  describe('retracting a transition', () => {
    it('refuses all but the latest standing transition with 409 and laterEvents', async () => {
      const { slug } = await discussedThenAgreed();
      const response = await post(`/api/items/${slug}/history/2/retraction`, { note: 'Wrong item.' }).expect(409);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 409, laterEvents: [3] });
      expect(response.body.type).toMatch(/retraction-not-latest$/);
      await post(`/api/items/${slug}/history/1/retraction`, { note: 'x' }).expect(409);
      await post(`/api/items/${slug}/history/9/retraction`, { note: 'x' }).expect(404);
      await post(`/api/items/${slug}/history/3/retraction`, {}).expect(400);
      expect(await item(slug)).toMatchObject({ state: 'agreed', version: 3 });
    });

    it('returns the item to its previous state and stateSince, as corrected', async () => {
      const { slug } = await discussedThenAgreed();
      await post(`/api/items/${slug}/history/2/correction`, { note: 'Later.', effectiveOn: '2010-10-15' }).expect(201);
      const response = await post(`/api/items/${slug}/history/3/retraction`, {
        note: 'The summit did not agree it.',
      }).expect(201);
      expect(response.body).toMatchObject({
        seq: 5,
        action: 'retracted',
        retracts: 3,
        fromState: 'agreed',
        toState: 'under_discussion',
        changes: { state: { from: 'agreed', to: 'under_discussion' } },
        reason: 'The summit did not agree it.',
      });
      expect(await item(slug)).toMatchObject({ state: 'under_discussion', stateSince: '2010-10-15', version: 5 });
      const history = await historyOf(t, slug);
      expect(history[2]).toMatchObject({ seq: 3, retractedBy: 5 });
      // Withdrawn is withdrawn: it can be neither retracted again nor corrected.
      await post(`/api/items/${slug}/history/3/retraction`, { note: 'x' }).expect(409);
      await post(`/api/items/${slug}/history/3/correction`, { note: 'x', reason: 'y' }).expect(409);
      // The item moves on from where the retraction left it; then seq 2 is the one before the latest.
      await post(`/api/items/${slug}/transitions`, {
        to: 'deferred',
        reason: 'Later.',
        effectiveOn: '2010-10-20',
      }).expect(200);
      const later = await post(`/api/items/${slug}/history/2/retraction`, { note: 'x' }).expect(409);
      expect(later.body.laterEvents).toEqual([6]);
      await post(`/api/items/${slug}/history/6/retraction`, { note: 'x' }).expect(201);
      await post(`/api/items/${slug}/history/2/retraction`, { note: 'x' }).expect(201);
      expect(await item(slug)).toMatchObject({ state: 'proposed', stateSince: '2010-09-22', version: 8 });
    });
  });

  it('lets a viewer do none of it (403)', async () => {
    const { slug, id } = await discussedThenAgreed();
    const outcome = await post(`/api/meetings/${(await makeMeeting(t)).slug}/outcomes`, {
      outcomes: [{ item: id, to: 'implemented' }],
    }).expect(200);
    await post(`/api/items/${slug}/history/3/correction`, { note: 'x', reason: 'y' }, viewer).expect(403);
    await post(`/api/items/${slug}/history/4/retraction`, { note: 'x' }, viewer).expect(403);
    await post(`/api/batches/${outcome.body.batch}/retraction`, { note: 'x' }, viewer).expect(403);
    expect(await item(slug)).toMatchObject({ state: 'implemented', version: 4 });
  });

  describe('retracting a batch', () => {
    async function summit() {
      const meeting = await makeMeeting(t, { heldOn: '2010-11-20' });
      const a = await makeItem(t);
      const b = await makeItem(t);
      await post(`/api/items/${b.slug}/transitions`, { to: 'under_discussion', effectiveOn: '2010-10-01' }).expect(200);
      const applied = await post(`/api/meetings/${meeting.slug}/outcomes`, {
        outcomes: [
          { item: a.slug, to: 'agreed' },
          { item: b.slug, to: 'deferred', reason: 'Not yet.' },
        ],
      }).expect(200);
      return { meeting, a, b, batch: applied.body.batch as string };
    }

    it('dry-runs, then retracts every transition in one step, and a retry replays the first answer', async () => {
      const { meeting, a, b, batch } = await summit();
      const dry = await post(`/api/batches/${batch}/retraction`, { note: 'Wrong file.', dryRun: true }).expect(200);
      expect(dry.body).toMatchObject({ retracts: batch, meeting: meeting.slug, dryRun: true, batch: null });
      expect(await item(a.slug)).toMatchObject({ state: 'agreed', version: 2 });

      const first = await t.api
        .post(`/api/batches/${batch}/retraction`)
        .set(...bearer())
        .set('Idempotency-Key', `retract-${batch}`)
        .send({ note: 'Wrong file.' })
        .expect(200);
      expect(first.body).toEqual({
        retracts: batch,
        meeting: meeting.slug,
        effectiveOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        dryRun: false,
        batch: expect.stringMatching(/^[0-9a-f-]{36}$/),
        outcomes: [
          {
            item: a.slug,
            id: a.id,
            retracts: 2,
            fromState: 'agreed',
            toState: 'proposed',
            version: 3,
            reason: 'Wrong file.',
          },
          {
            item: b.slug,
            id: b.id,
            retracts: 3,
            fromState: 'deferred',
            toState: 'under_discussion',
            version: 4,
            reason: 'Wrong file.',
          },
        ],
      });
      expect(await item(a.slug)).toMatchObject({ state: 'proposed', stateSince: '2010-09-22', version: 3 });
      expect(await item(b.slug)).toMatchObject({ state: 'under_discussion', stateSince: '2010-10-01', version: 4 });
      expect((await historyOf(t, b.slug))[3]).toMatchObject({ action: 'retracted', batch: first.body.batch });

      const retry = await t.api
        .post(`/api/batches/${batch}/retraction`)
        .set(...bearer())
        .set('Idempotency-Key', `retract-${batch}`)
        .send({ note: 'Wrong file.', dryRun: false })
        .expect(200);
      expect(retry.text).toBe(first.text);
      expect(await item(b.slug)).toMatchObject({ version: 4 });
      await t.api
        .post(`/api/batches/${batch}/retraction`)
        .set(...bearer())
        .set('Idempotency-Key', `retract-${batch}`)
        .send({ note: 'Another note.' })
        .expect(422);
      const again = await post(`/api/batches/${batch}/retraction`, { note: 'Again.' }).expect(409);
      expect(again.body.type).toMatch(/batch-already-retracted$/);
    });

    it('refuses item by item when an event is no longer the latest, writing nothing', async () => {
      const { a, b, batch } = await summit();
      await post(`/api/items/${a.slug}/transitions`, { to: 'implemented', effectiveOn: '2010-12-01' }).expect(200);
      const refused = await post(`/api/batches/${batch}/retraction`, { note: 'Wrong file.' }).expect(409);
      expect(refused.body).toMatchObject({
        status: 409,
        failures: [{ item: a.slug, seq: 2, code: 'retraction_not_latest', status: 409, laterEvents: [3] }],
      });
      expect(refused.body.type).toMatch(/batch-retraction-rejected$/);
      expect(await item(b.slug)).toMatchObject({ state: 'deferred', version: 3 });
      await post('/api/batches/00000000-0000-4000-8000-000000000000/retraction', { note: 'x' }).expect(404);
    });
  });
});
