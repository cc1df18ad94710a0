import { auditVerdict, makeItem } from './support/factories.js';
import { recomputeChain, tamper } from './support/tamper.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

// audit verify knows the rules of corrections: what the API refuses, a forger with the database
// (who recomputes every hash after the edit) cannot slip in either.
describe('audit verify over corrections and retractions', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  const verify = () => auditVerdict(t);

  async function corrected() {
    const item = await makeItem(t);
    for (const body of [
      { to: 'under_discussion', effectiveOn: '2010-10-01' },
      { to: 'agreed', effectiveOn: '2010-11-20' },
    ]) {
      await t.api
        .post(`/api/items/${item.slug}/transitions`)
        .set(...bearer())
        .send(body)
        .expect(200);
    }
    await t.api
      .post(`/api/items/${item.slug}/history/2/correction`)
      .set(...bearer())
      .send({ note: 'Later.', effectiveOn: '2010-10-15' })
      .expect(201);
    await t.api
      .post(`/api/items/${item.slug}/history/3/retraction`)
      .set(...bearer())
      .send({ note: 'Not agreed.' })
      .expect(201);
    expect(await verify()).toMatchObject({ ok: true, events: 5 });
    return item;
  }

  it('finds a retraction redirected to an earlier transition', async () => {
    const item = await corrected();
    await tamper(t.database, async (query) => {
      await query("UPDATE history_events SET retracts = 2 WHERE action = 'retracted'");
      await recomputeChain(query);
    });
    expect((await verify()).firstProblem).toMatchObject({
      kind: 'inconsistent_event',
      item: item.slug,
      seq: 5,
      message: expect.stringMatching(/not its item's latest standing transition/),
    });
  });

  it('finds a correction that moves a date out of order', async () => {
    const item = await corrected();
    await tamper(t.database, async (query) => {
      await query(
        `UPDATE history_events SET changes = '{"effectiveOn":{"from":"2010-10-01","to":"2010-12-01"}}' WHERE action = 'corrected'`,
      );
      await recomputeChain(query);
    });
    expect((await verify()).firstProblem).toMatchObject({ kind: 'inconsistent_event', item: item.slug, seq: 4 });
  });

  it('finds an item row that disagrees with its corrected history', async () => {
    const item = await corrected();
    await t.query('UPDATE items SET state_since = ? WHERE slug = ?', ['2010-10-01', item.slug]);
    expect((await verify()).firstProblem).toMatchObject({
      kind: 'item_mismatch',
      item: item.slug,
      message: expect.stringMatching(/its history says under_discussion since 2010-10-15, version 5/),
    });
  });

  it('finds a reference removed, though the event still hashes as edited', async () => {
    await corrected();
    await tamper(t.database, async (query) => {
      await query("UPDATE history_events SET corrects = NULL WHERE action = 'corrected'");
    });
    expect((await verify()).firstProblem).toMatchObject({ kind: 'changed_content', seq: 4 });
  });
});
