import { eventHash } from '../src/history/event-hash.js';
import { hashedEventFields } from './support/event-row.mjs';
import { makeItem, makeMeeting, itemBody } from './support/factories.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

// API.md v1.1: a string that is not well-formed Unicode is a 400 naming the field, wherever it is
// sent, and nothing is stored that would read back differently from what was hashed.
const LONE_HIGH = 'Truncated emoji: \ud83d';
const LONE_LOW = '\udc00 reversed';
// What a client that encodes UTF-16 code units as UTF-8 (CESU-8, WTF-8) puts in a URL for \ud83d.
const ENCODED_SURROGATE = '%ED%A0%BD';

describe('ill-formed Unicode', () => {
  let t: TestApp;
  let item: { slug: string; id: string };
  let meeting: { slug: string };
  beforeAll(async () => {
    t = await startTestApp();
    item = await makeItem(t);
    meeting = await makeMeeting(t);
  });
  afterAll(async () => {
    await t.close();
  });

  async function expectRefused(response: { status: number; body: Record<string, unknown> }, field: string) {
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field, message: expect.stringMatching(/well-formed Unicode|UTF-8/) }]);
  }

  it.each([
    ['a transition reason', 'reason', { to: 'deferred', reason: LONE_HIGH }],
    ['a transition source', 'source', { to: 'under_discussion', source: LONE_LOW }],
    ['an unknown field', 'extra\ud800', { to: 'under_discussion', ['extra\ud800']: 'x' }],
  ])('refuses %s with 400 naming it', async (_, field, body) => {
    const answer = await t.api
      .post(`/api/items/${item.slug}/transitions`)
      .set(...bearer())
      .send(body);
    await expectRefused(answer, field);
  });

  it('refuses it in a new item, a meeting and an outcome, naming the nested field', async () => {
    await expectRefused(
      await t.api
        .post('/api/items')
        .set(...bearer())
        .send(itemBody({ title: LONE_HIGH })),
      'title',
    );
    await expectRefused(
      await t.api
        .post('/api/meetings')
        .set(...bearer())
        .send({ slug: 'm-unicode', name: 'x', location: LONE_LOW, heldOn: '2010-11-20' }),
      'location',
    );
    await expectRefused(
      await t.api
        .post(`/api/meetings/${meeting.slug}/outcomes`)
        .set(...bearer())
        .send({
          outcomes: [
            { item: item.slug, to: 'agreed' },
            { item: item.slug, to: 'rejected', reason: LONE_HIGH },
          ],
        }),
      'outcomes.1.reason',
    );
  });

  it('refuses a body that is not UTF-8 at all', async () => {
    const answer = await t.api
      .post(`/api/items/${item.slug}/transitions`)
      .set(...bearer())
      .set('Content-Type', 'application/json')
      // superagent writes the bytes as they are.
      .serialize((raw: Buffer) => raw as unknown as string)
      .send(
        Buffer.concat([Buffer.from('{"to":"deferred","reason":"'), Buffer.from([0xed, 0xa0, 0xbd]), Buffer.from('"}')]),
      );
    await expectRefused(answer, 'body');
  });

  it.each([
    ['a query value', `/api/items?q=${ENCODED_SURROGATE}`, 'q'],
    ['a report query value', `/api/reports/status?asOf=${ENCODED_SURROGATE}`, 'asOf'],
    ['an invalid UTF-8 byte in a query value', '/api/items?category=%FF', 'category'],
    ['a second = in a query value', '/api/items?q=a=%ED%A0%BD', 'q'],
    ['an item key in the path', `/api/items/${ENCODED_SURROGATE}`, 'key'],
    ['an item key before /history', `/api/items/x${ENCODED_SURROGATE}/history`, 'key'],
    ['a meeting key in the path', `/api/meetings/${ENCODED_SURROGATE}`, 'key'],
  ])('refuses %s with 400 naming it', async (_, url, field) => {
    await expectRefused(await t.api.get(url).set(...bearer()), field);
  });

  it('changes nothing when it refuses', async () => {
    const history = await t.api
      .get(`/api/items/${item.slug}/history`)
      .set(...bearer())
      .expect(200);
    expect(history.body.data).toHaveLength(1);
  });

  // Text that is awkward but well-formed is kept exactly.
  const AWKWARD = [
    '😀 astral',
    'e\u0301 combining',
    '\u202e right-to-left',
    '\ufeff BOM',
    '\uffff nonchar',
    '\u{10ffff}',
  ];

  it('stores awkward well-formed text exactly, and every stored event re-reads to what was hashed', async () => {
    for (const text of AWKWARD) {
      const awkward = await makeItem(t, { title: text, summary: `${text}\n${text}` });
      await t.api
        .post(`/api/items/${awkward.slug}/transitions`)
        .set(...bearer())
        .send({ to: 'deferred', reason: text, source: text })
        .expect(200);
      const history = await t.api
        .get(`/api/items/${awkward.slug}/history`)
        .set(...bearer())
        .expect(200);
      expect(history.body.data[1]).toMatchObject({ reason: text, source: text });
    }
    const rows = await t.query(
      `SELECT "item_id", "seq", "action", "from_state", "to_state", "changes", "reason", "effective_on",
              "meeting_id", "source", "batch_id", "actor", "recorded_at", "corrects", "retracts", "prev_hash", "hash", "party_id", "stance"
       FROM "history_events" ORDER BY "id"`,
    );
    expect(rows.length).toBeGreaterThan(AWKWARD.length * 2);
    for (const row of rows) {
      const recomputed = eventHash(hashedEventFields(row));
      expect(recomputed).toBe(row.hash);
    }
    const verify = await t.api
      .get('/api/audit/verify')
      .set(...bearer())
      .expect(200);
    expect(verify.body.ok).toBe(true);
  });
});
