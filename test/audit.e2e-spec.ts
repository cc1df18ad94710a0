import { GENESIS_HASH } from '../src/history/event-hash.js';
import { makeItem, makeMeeting, makeToken } from './support/factories.js';
import { recomputeChain, tamper } from './support/tamper.js';
import { bearer, startTestApp, startTestAppPerSuite, type TestApp } from './support/test-app.js';

async function verify(t: TestApp, against?: string) {
  const response = await t.api
    .get('/api/audit/verify')
    .query(against ? { against } : {})
    .set(...bearer())
    .expect(200);
  return response.body;
}

async function head(t: TestApp): Promise<{ hash: string; events: number }> {
  return (
    await t.api
      .get('/api/audit/head')
      .set(...bearer())
      .expect(200)
  ).body;
}

async function transition(t: TestApp, slug: string, body: Record<string, unknown>, status = 200) {
  await t.api
    .post(`/api/items/${slug}/transitions`)
    .set(...bearer())
    .send(body)
    .expect(status);
}

describe('audit: an honest history', () => {
  const t = startTestAppPerSuite();

  it('verifies an empty history, whose head is the genesis hash', async () => {
    expect(await verify(t)).toEqual({ ok: true, events: 0, head: GENESIS_HASH, checkpoints: [] });
    expect(await head(t)).toEqual({ hash: GENESIS_HASH, events: 0 });
  });

  it('verifies a busy history written by concurrent requests, and matches the published head', async () => {
    const meeting = await makeMeeting(t);
    const items = await Promise.all(Array.from({ length: 12 }, () => makeItem(t)));
    await Promise.all(
      items.map((item, index) =>
        transition(t, item.slug, index % 2 ? { to: 'agreed', meeting: meeting.slug } : { to: 'under_discussion' }),
      ),
    );
    const [duringWrites] = await Promise.all([
      // One snapshot: rows and history agree even while requests keep writing.
      verify(t),
      ...items.map((item, index) =>
        transition(t, item.slug, index % 2 ? { to: 'implemented' } : { to: 'deferred', reason: 'Not yet.' }),
      ),
      // Refused requests write nothing and leave nothing to verify.
      ...items.slice(0, 3).map((item) => transition(t, item.slug, { to: 'proposed', reason: 'Again.' }, 409)),
      t.api
        .patch(`/api/items/${items[0].slug}`)
        .set(...bearer())
        .set('If-Match', '"2"')
        .send({ summary: 'Changed while others moved.' }),
    ]);
    expect(duringWrites).toMatchObject({ ok: true });
    const published = await head(t);
    expect(published.events).toBeGreaterThan(30);
    const [count] = await t.query('SELECT COUNT(*) AS n FROM history_events');
    expect(await verify(t)).toEqual({ ok: true, events: Number(count.n), head: published.hash, checkpoints: [] });
    expect(await verify(t, `${published.hash}:${published.events}`)).toMatchObject({
      ok: true,
      checkpoints: [{ hash: published.hash, events: published.events }],
    });
  });

  it('lets only an admin verify, and any token read the head', async () => {
    const viewer = await makeToken(t, 'viewer');
    const refused = await t.api
      .get('/api/audit/verify')
      .set(...bearer(viewer.token))
      .expect(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    const response = await t.api
      .get('/api/audit/head')
      .set(...bearer(viewer.token))
      .expect(200);
    expect(response.body).toEqual(await head(t));
    await t.api.get('/api/audit/head').expect(401);
  });

  it('refuses a malformed checkpoint with a 400 problem', async () => {
    for (const against of ['abc:3', `${GENESIS_HASH}:0`, GENESIS_HASH, `${'AB'.repeat(32)}:2`, `${GENESIS_HASH}:1,`]) {
      const response = await t.api
        .get('/api/audit/verify')
        .query({ against })
        .set(...bearer())
        .expect(400);
      expect(response.body.errors).toEqual([{ field: 'against', message: expect.stringContaining('<hash>:<count>') }]);
    }
  });
});

describe('audit: an attacker with the database file', () => {
  let t: TestApp;
  const slugs = { radar: 'radar-linking', cfe: 'cfe-treaty-update', afghanistan: 'afghan-transit' };
  // The id of an event, as the attacker would look it up.
  async function eventId(slug: string, seq: number): Promise<number> {
    const [row] = await t.query(
      'SELECT e.id FROM history_events e JOIN items i ON i.id = e.item_id WHERE i.slug = ? AND e.seq = ?',
      [slug, seq],
    );
    return Number(row.id);
  }

  // Events 1-3 create the items, 4-8 move them; one at a time, so the ids are known.
  beforeEach(async () => {
    t = await startTestApp();
    for (const slug of Object.values(slugs)) {
      await makeItem(t, { slug });
    }
    await transition(t, slugs.radar, { to: 'under_discussion', effectiveOn: '2010-10-01' });
    await transition(t, slugs.cfe, { to: 'agreed', effectiveOn: '2010-11-20' });
    await transition(t, slugs.radar, { to: 'deferred', reason: 'Flank limits first.', effectiveOn: '2010-11-20' });
    await transition(t, slugs.afghanistan, { to: 'rejected', reason: 'Transit refused.', effectiveOn: '2010-11-20' });
    await transition(t, slugs.radar, { to: 'under_discussion', effectiveOn: '2010-12-01' });
    expect(await verify(t)).toMatchObject({ ok: true, events: 8 });
  });
  afterEach(async () => {
    await t.close();
  });

  it('names an edited event as changed content', async () => {
    await tamper(t.database, async (query) => {
      await query("UPDATE history_events SET reason = 'Agreed in full.' WHERE id = 6");
    });
    expect(await verify(t)).toEqual({
      ok: false,
      events: 5,
      firstProblem: {
        kind: 'changed_content',
        eventId: 6,
        item: slugs.radar,
        seq: 3,
        message: 'Event #6 does not hash to its stored hash: its content was changed after it was recorded.',
      },
    });
  });

  it('names a deleted event as missing, at the event after the gap', async () => {
    await tamper(t.database, async (query) => {
      await query('DELETE FROM history_events WHERE id = 5');
    });
    const report = await verify(t);
    expect(report).toMatchObject({ ok: false, events: 4, firstProblem: { kind: 'missing_event', eventId: 6 } });
    expect(report.firstProblem.message).toMatch(/between event #4 and #6 was deleted/);
  });

  it('names an item row edited behind the history as an item mismatch', async () => {
    await tamper(t.database, async (query) => {
      await query("UPDATE items SET state = 'agreed' WHERE slug = ?", [slugs.afghanistan]);
    });
    expect(await verify(t)).toEqual({
      ok: false,
      events: 8,
      firstProblem: {
        kind: 'item_mismatch',
        item: slugs.afghanistan,
        message:
          'The item row says agreed since 2010-11-20, version 2; its history says rejected since 2010-11-20, version 2.',
      },
    });
  });

  it('names swapped events as reordered', async () => {
    await tamper(t.database, async (query) => {
      await query('UPDATE history_events SET id = -5 WHERE id = 5');
      await query('UPDATE history_events SET id = 5 WHERE id = 6');
      await query('UPDATE history_events SET id = 6 WHERE id = -5');
    });
    const report = await verify(t);
    expect(report).toMatchObject({ ok: false, events: 4, firstProblem: { kind: 'reordered', eventId: 5 } });
    expect(report.firstProblem.message).toBe(
      'Event #5 links to event #6, which is stored after it: events were reordered.',
    );
  });

  it('names an event deleted before the chain was recomputed by the gap in its item sequence', async () => {
    const deleted = await eventId(slugs.radar, 3);
    await tamper(t.database, async (query) => {
      await query('DELETE FROM history_events WHERE id = ?', [deleted]);
      await recomputeChain(query);
    });
    const report = await verify(t);
    expect(report.firstProblem).toMatchObject({ kind: 'missing_event', item: slugs.radar, seq: 4 });
    expect(report.firstProblem.message).toMatch(/seq 3 is not in the history/);
  });

  it('misses a forgery with the whole chain recomputed, which a published checkpoint catches', async () => {
    // The heads an operator recorded: after the three proposals, and after the summit.
    const [afterProposals] = await t.query('SELECT hash FROM history_events WHERE id = 3');
    const afterSummit = await head(t);
    const checkpoints = [`${String(afterProposals.hash)}:3`, `${afterSummit.hash}:${afterSummit.events}`];
    await transition(t, slugs.cfe, { to: 'implemented', effectiveOn: '2011-03-01' });

    await tamper(t.database, async (query) => {
      await query("UPDATE history_events SET reason = 'Russia walked out.' WHERE id = 7");
      await recomputeChain(query);
    });
    expect(await verify(t)).toMatchObject({ ok: true, events: 9 });

    const report = await verify(t, checkpoints.join(','));
    expect(report).toMatchObject({ ok: false, events: 8, firstProblem: { kind: 'checkpoint_mismatch', eventId: 8 } });
    expect(report.firstProblem.message).toMatch(
      /not to the published [0-9a-f]{64}\. Either that checkpoint was copied wrong, or an event from #4 to #8 was changed/,
    );
  });
});
