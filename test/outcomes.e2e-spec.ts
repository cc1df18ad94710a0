import type { CreateItemDto } from '../src/items/dto/create-item.dto.js';
import { TransactionRunner } from '../src/database/transaction-runner.js';
import { GENESIS_HASH, eventHash } from '../src/history/event-hash.js';
import { HistoryEventEntity } from '../src/history/history-event.entity.js';
import { IdempotencyRecordEntity } from '../src/idempotency/idempotency-record.entity.js';
import { recordKey } from '../src/idempotency/request-hash.js';
import {
  historyOf,
  itemBody,
  makeItem,
  makeMeeting,
  makeToken,
  postOutcomes,
  uniqueSlug,
} from './support/factories.js';
import { ItemWriter } from '../src/items/item-writer.js';
import { bearer, startTestApp, startTestAppPerSuite } from './support/test-app.js';

describe('meeting outcomes', () => {
  const t = startTestAppPerSuite();

  async function itemState(key: string) {
    const response = await t.api
      .get(`/api/items/${key}`)
      .set(...bearer())
      .expect(200);
    return { state: response.body.state as string, version: response.body.version as number };
  }

  async function eventCount(): Promise<number> {
    const rows = await t.query('SELECT COUNT(*) AS n FROM history_events');
    return Number(rows[0].n);
  }

  it('applies every outcome on the meeting day, stamping one batch and the meeting on each event', async () => {
    const meeting = await makeMeeting(t, { heldOn: '2010-11-20' });
    const a = await makeItem(t);
    const b = await makeItem(t);
    const response = await postOutcomes(t, meeting.slug, {
      outcomes: [
        { item: a.slug, to: 'agreed', source: 'NRC Joint Statement, Lisbon, 20 November 2010' },
        { item: b.id, to: 'deferred', reason: 'No agreement yet.' },
      ],
    }).expect(200);
    expect(response.body).toEqual({
      meeting: meeting.slug,
      effectiveOn: '2010-11-20',
      dryRun: false,
      batch: expect.stringMatching(/^[0-9a-f-]{36}$/),
      outcomes: [
        {
          item: a.slug,
          id: a.id,
          fromState: 'proposed',
          toState: 'agreed',
          version: 2,
          reason: null,
          source: 'NRC Joint Statement, Lisbon, 20 November 2010',
        },
        {
          item: b.slug,
          id: b.id,
          fromState: 'proposed',
          toState: 'deferred',
          version: 2,
          reason: 'No agreement yet.',
          source: null,
        },
      ],
    });
    for (const [item, state] of [
      [a, 'agreed'],
      [b, 'deferred'],
    ] as const) {
      expect(await itemState(item.slug)).toEqual({ state, version: 2 });
      const last = (await historyOf(t, item.slug)).at(-1);
      expect(last).toMatchObject({
        action: 'transitioned',
        toState: state,
        effectiveOn: '2010-11-20',
        meeting: meeting.slug,
        batch: response.body.batch,
        actor: 'bootstrap',
      });
    }
  });

  it('refuses a mixed batch as a whole and names every bad outcome', async () => {
    const meeting = await makeMeeting(t, { heldOn: '2010-11-20' });
    const good = await makeItem(t);
    const twice = await makeItem(t);
    const forbidden = await makeItem(t);
    const reasonless = await makeItem(t);
    const stale = await makeItem(t);
    const later = await makeItem(t, { proposedOn: '2010-12-01' });
    const eventsBefore = await eventCount();
    const response = await postOutcomes(t, meeting.slug, {
      outcomes: [
        { item: good.slug, to: 'agreed' },
        { item: 'no-such-item', to: 'agreed' },
        { item: twice.slug, to: 'under_discussion' },
        { item: twice.id, to: 'agreed' },
        { item: forbidden.slug, to: 'implemented' },
        { item: reasonless.slug, to: 'rejected', reason: '   ' },
        { item: stale.slug, to: 'agreed', expectedVersion: 2 },
        { item: later.slug, to: 'agreed' },
      ],
    }).expect(409);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 409, type: expect.stringMatching(/outcomes-rejected$/) });
    expect(response.body.failures).toEqual([
      { index: 1, item: 'no-such-item', code: 'item_not_found', status: 404, message: expect.any(String) },
      { index: 3, item: twice.id, code: 'duplicate_item', status: 400, message: expect.any(String), firstIndex: 2 },
      {
        index: 4,
        item: forbidden.slug,
        code: 'transition_not_allowed',
        status: 409,
        message: expect.any(String),
        allowedTransitions: expect.arrayContaining([{ to: 'agreed', requiresReason: false }]),
      },
      { index: 5, item: reasonless.slug, code: 'reason_required', status: 400, message: expect.any(String) },
      {
        index: 6,
        item: stale.slug,
        code: 'version_mismatch',
        status: 412,
        message: expect.any(String),
        currentVersion: 1,
      },
      {
        index: 7,
        item: later.slug,
        code: 'effective_date_before_state_since',
        status: 409,
        message: expect.stringContaining('2010-12-01'),
      },
    ]);
    for (const item of [good, twice, forbidden, reasonless, stale, later]) {
      expect(await itemState(item.slug)).toEqual({ state: 'proposed', version: 1 });
    }
    expect(await eventCount()).toBe(eventsBefore);
  });

  it('answers 400 with field errors when every failure is an input problem', async () => {
    const meeting = await makeMeeting(t);
    const item = await makeItem(t);
    const response = await postOutcomes(t, meeting.slug, {
      outcomes: [
        { item: item.slug, to: 'rejected' },
        { item: item.id, to: 'agreed' },
      ],
    }).expect(400);
    expect(response.body.errors).toEqual([
      { field: 'outcomes.0.reason', message: expect.any(String) },
      { field: 'outcomes.1.item', message: expect.any(String) },
    ]);
    expect(response.body.failures.map((failure: { code: string }) => failure.code)).toEqual([
      'reason_required',
      'duplicate_item',
    ]);
    expect(await itemState(item.slug)).toEqual({ state: 'proposed', version: 1 });
  });

  it.each([
    ['an empty batch', { outcomes: [] }, 'outcomes'],
    ['no outcomes at all', {}, 'outcomes'],
    ['an unknown state', { outcomes: [{ item: 'x', to: 'done' }] }, 'outcomes.0.to'],
    [
      'an unknown field',
      { outcomes: [{ item: 'x', to: 'agreed', effectiveOn: '2010-11-20' }] },
      'outcomes.0.effectiveOn',
    ],
    [
      'a reason over 2,000 characters',
      { outcomes: [{ item: 'x', to: 'agreed', reason: 'x'.repeat(2001) }] },
      'outcomes.0.reason',
    ],
    [
      'a source over 500 characters',
      { outcomes: [{ item: 'x', to: 'agreed', source: 'x'.repeat(501) }] },
      'outcomes.0.source',
    ],
    [
      'a version that is not a number',
      { outcomes: [{ item: 'x', to: 'agreed', expectedVersion: '2' }] },
      'outcomes.0.expectedVersion',
    ],
    ['a dryRun that is not a boolean', { outcomes: [{ item: 'x', to: 'agreed' }], dryRun: 'yes' }, 'dryRun'],
    // Found by the hostile-input fuzzer: an entry that is itself a list passed as an empty outcome.
    ['an outcome that is a list', { outcomes: [{ item: 'x', to: 'agreed' }, []] }, 'outcomes'],
    ['a position that is a list', { positions: [[]] }, 'positions'],
  ])('answers 400 naming the field for %s', async (_, body, field) => {
    const meeting = await makeMeeting(t);
    const response = await postOutcomes(t, meeting.slug, body).expect(400);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field }));
  });

  it('answers 404 for an unknown meeting and 409 for a meeting still ahead', async () => {
    const item = await makeItem(t);
    await postOutcomes(t, 'no-such-meeting', { outcomes: [{ item: item.slug, to: 'agreed' }] }).expect(404);
    const ahead = await makeMeeting(t, { heldOn: '2999-01-01' });
    const response = await postOutcomes(t, ahead.slug, { outcomes: [{ item: item.slug, to: 'agreed' }] }).expect(409);
    expect(response.body.type).toMatch(/meeting-not-held-yet$/);
    expect(await itemState(item.slug)).toEqual({ state: 'proposed', version: 1 });
  });

  it('runs every check on a dry run and writes nothing', async () => {
    const meeting = await makeMeeting(t);
    const item = await makeItem(t);
    const eventsBefore = await eventCount();
    const response = await postOutcomes(t, meeting.id, {
      dryRun: true,
      outcomes: [{ item: item.slug, to: 'agreed', expectedVersion: 1 }],
    }).expect(200);
    expect(response.body).toMatchObject({
      dryRun: true,
      batch: null,
      outcomes: [{ item: item.slug, fromState: 'proposed', toState: 'agreed', version: 2 }],
    });
    const refused = await postOutcomes(t, meeting.id, {
      dryRun: true,
      outcomes: [{ item: item.slug, to: 'implemented' }],
    }).expect(409);
    expect(refused.body.failures).toHaveLength(1);
    expect(await itemState(item.slug)).toEqual({ state: 'proposed', version: 1 });
    expect(await eventCount()).toBe(eventsBefore);
  });

  describe('Idempotency-Key', () => {
    // What each test starts from: a meeting, an item to decide on and a fresh key.
    async function keyedBatch() {
      return { meeting: await makeMeeting(t), item: await makeItem(t), key: uniqueSlug('key') };
    }

    it('answers a retry with the first answer and applies once', async () => {
      const { meeting, item, key } = await keyedBatch();
      const body = { outcomes: [{ item: item.slug, to: 'under_discussion' }] };
      const first = await postOutcomes(t, meeting.slug, body, key).expect(200);
      const retry = await postOutcomes(t, meeting.slug, body, key).expect(200);
      expect(retry.body).toEqual(first.body);
      expect(await itemState(item.slug)).toEqual({ state: 'under_discussion', version: 2 });
      expect((await historyOf(t, item.slug)).filter((event) => event.action === 'transitioned')).toHaveLength(1);
    });

    it('answers a retry of a refused batch with the same problem', async () => {
      const { meeting, item, key } = await keyedBatch();
      const body = { outcomes: [{ item: item.slug, to: 'agreed', expectedVersion: 2 }] };
      const first = await postOutcomes(t, meeting.slug, body, key).expect(409);
      await t.api
        .patch(`/api/items/${item.slug}`)
        .set(...bearer())
        .set('If-Match', '"1"')
        .send({ title: 'Now at version 2' })
        .expect(200);
      // The batch would pass now, but the key already has its answer.
      const retry = await postOutcomes(t, meeting.slug, body, key).expect(409);
      const { requestId: firstId, ...firstProblem } = first.body;
      const { requestId: retryId, ...retryProblem } = retry.body;
      expect(retryProblem).toEqual(firstProblem);
      expect(retryId).not.toBe(firstId);
      expect(await itemState(item.slug)).toEqual({ state: 'proposed', version: 2 });
    });

    it('refuses the same key with a different body with 422 and applies nothing', async () => {
      const { meeting, item, key } = await keyedBatch();
      await postOutcomes(t, meeting.slug, { outcomes: [{ item: item.slug, to: 'under_discussion' }] }, key).expect(200);
      const response = await postOutcomes(
        t,
        meeting.slug,
        { outcomes: [{ item: item.slug, to: 'agreed' }] },
        key,
      ).expect(422);
      expect(response.body.type).toMatch(/idempotency-key-reused$/);
      expect(await itemState(item.slug)).toEqual({ state: 'under_discussion', version: 2 });
    });

    it('treats member order and a default dryRun as the same request, and scopes keys by path', async () => {
      const first = await makeMeeting(t);
      const second = await makeMeeting(t);
      const a = await makeItem(t);
      const b = await makeItem(t);
      const key = uniqueSlug('key');
      const applied = await postOutcomes(t, first.slug, { outcomes: [{ item: a.slug, to: 'agreed' }] }, key).expect(
        200,
      );
      const reordered = await postOutcomes(
        t,
        first.slug,
        { dryRun: false, outcomes: [{ to: 'agreed', item: a.slug }] },
        key,
      ).expect(200);
      expect(reordered.body).toEqual(applied.body);
      await postOutcomes(t, second.slug, { outcomes: [{ item: b.slug, to: 'agreed' }] }, key).expect(200);
      expect(await itemState(b.slug)).toEqual({ state: 'agreed', version: 2 });
    });

    it('lets two concurrent requests with one key apply once', async () => {
      const { meeting, item, key } = await keyedBatch();
      const body = { outcomes: [{ item: item.slug, to: 'agreed' }] };
      const [one, two] = await Promise.all([
        postOutcomes(t, meeting.slug, body, key),
        postOutcomes(t, meeting.slug, body, key),
      ]);
      expect([one.status, two.status]).toEqual([200, 200]);
      expect(two.body).toEqual(one.body);
      expect(await itemState(item.slug)).toEqual({ state: 'agreed', version: 2 });
      expect((await historyOf(t, item.slug)).filter((event) => event.action === 'transitioned')).toHaveLength(1);
    });

    it('forgets an expired key', async () => {
      const { meeting, item, key } = await keyedBatch();
      const path = `/api/meetings/${meeting.id}/outcomes`;
      await t.dataSource.manager.insert(IdempotencyRecordEntity, {
        key: recordKey({ key, method: 'POST', path, actor: 'bootstrap' }),
        requestHash: 'an-older-request',
        statusCode: 200,
        responseBody: '{}',
        createdAt: '2020-01-01T00:00:00.000Z',
        expiresAt: '2020-01-02T00:00:00.000Z',
      });
      await postOutcomes(t, meeting.slug, { outcomes: [{ item: item.slug, to: 'agreed' }] }, key).expect(200);
      expect(await itemState(item.slug)).toEqual({ state: 'agreed', version: 2 });
    });

    it('scopes a key by the meeting, not the path: a retry by id replays what was sent by slug', async () => {
      const { meeting, item, key } = await keyedBatch();
      const body = { outcomes: [{ item: item.slug, to: 'under_discussion' }] };
      const first = await postOutcomes(t, meeting.slug, body, key).expect(200);
      const retry = await postOutcomes(t, meeting.id, body, key).expect(200);
      expect(retry.body).toEqual(first.body);
      expect(await itemState(item.slug)).toEqual({ state: 'under_discussion', version: 2 });
    });

    it('scopes a key by token: another admin using the same key gets its own answer', async () => {
      const meeting = await makeMeeting(t);
      const item = await makeItem(t);
      const other = await makeToken(t, 'admin');
      const key = uniqueSlug('key');
      const body = { outcomes: [{ item: item.slug, to: 'under_discussion' }] };
      await postOutcomes(t, meeting.slug, body, key).expect(200);
      // Not the first admin's answer replayed: the item is under discussion already, so a 409.
      const theirs = await t.api
        .post(`/api/meetings/${meeting.slug}/outcomes`)
        .set(...bearer(other.token))
        .set('Idempotency-Key', key)
        .send(body);
      expect(theirs.status).toBe(409);
    });

    it('keeps nothing for a keyed dry run, which writes nothing and can simply run again', async () => {
      const meeting = await makeMeeting(t);
      const items = await Promise.all(Array.from({ length: 5 }, () => makeItem(t)));
      const records = async () => Number((await t.query('SELECT COUNT(*) AS n FROM idempotency_records'))[0].n);
      const before = await records();
      const body = { dryRun: true, outcomes: items.map((item) => ({ item: item.slug, to: 'agreed' })) };
      for (let run = 0; run < 3; run += 1) {
        await postOutcomes(t, meeting.slug, body, uniqueSlug('key')).expect(200);
      }
      expect(await records()).toBe(before);
    });

    it('refuses a keyed request whose answer is over the size kept (413), and applies nothing', async () => {
      const small = await startTestApp({ IDEMPOTENCY_MAX_ANSWER_BYTES: '2048' });
      try {
        const meeting = await makeMeeting(small);
        const items = await Promise.all(Array.from({ length: 20 }, () => makeItem(small)));
        const body = { outcomes: items.map((item) => ({ item: item.slug, to: 'agreed' })) };
        const refused = await small.api
          .post(`/api/meetings/${meeting.slug}/outcomes`)
          .set(...bearer())
          .set('Idempotency-Key', uniqueSlug('key'))
          .send(body)
          .expect(413);
        expect(refused.body.detail).toMatch(/2048 bytes/);
        const stored = await small.query('SELECT COUNT(*) AS n FROM idempotency_records');
        expect(Number(stored[0].n)).toBe(0);
        const unchanged = await small.api
          .get(`/api/items/${items[0]?.slug}`)
          .set(...bearer())
          .expect(200);
        expect(unchanged.body.state).toBe('proposed');
        // Without a key nothing is kept, so there is no limit beyond the body's.
        await small.api
          .post(`/api/meetings/${meeting.slug}/outcomes`)
          .set(...bearer())
          .send(body)
          .expect(200);
      } finally {
        await small.close();
      }
    });

    it('refuses a malformed key with 400', async () => {
      const meeting = await makeMeeting(t);
      const response = await postOutcomes(
        t,
        meeting.slug,
        { outcomes: [{ item: 'x', to: 'agreed' }] },
        'x'.repeat(201),
      );
      expect(response.status).toBe(400);
      expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'Idempotency-Key' }));
    });
  });

  it('applies 1,000 outcomes in one request', async () => {
    const meeting = await makeMeeting(t);
    const slugs = await t.app.get(TransactionRunner).write(async (manager) => {
      const created: string[] = [];
      for (let index = 0; index < 1000; index += 1) {
        const item = await t.app.get(ItemWriter).create(manager, itemBody() as unknown as CreateItemDto, 'test');
        created.push(item.slug);
      }
      return created;
    });
    const response = await postOutcomes(t, meeting.slug, {
      outcomes: slugs.map((slug) => ({ item: slug, to: 'agreed' })),
    }).expect(200);
    expect(response.body.outcomes).toHaveLength(1000);
    const rows = await t.query('SELECT COUNT(*) AS n FROM history_events WHERE batch_id = ?', [response.body.batch]);
    expect(Number(rows[0].n)).toBe(1000);
    expect(await itemState(slugs[999])).toEqual({ state: 'agreed', version: 2 });
    expect(await brokenChainLinks()).toEqual([]);
  });

  // Every event, in recorded order, must hash to its stored hash and point at the one before it.
  async function brokenChainLinks(): Promise<number[]> {
    const events = await t.dataSource.manager.find(HistoryEventEntity, { order: { id: 'ASC' } });
    let prevHash = GENESIS_HASH;
    const broken: number[] = [];
    for (const { id, hash, ...fields } of events) {
      if (fields.prevHash !== prevHash || eventHash({ ...fields, seq: Number(fields.seq) }) !== hash) {
        broken.push(id);
      }
      prevHash = hash;
    }
    return broken;
  }
});
