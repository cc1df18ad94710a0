import { auditVerdict, makeItem } from './support/factories.js';
import { recomputeChain, tamper } from './support/tamper.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

// Damaged content (a row whose JSON does not parse, its chain recomputed) is named, not a 500:
// the reads that meet it answer 503 storage_unavailable naming the event, /health turns degraded,
// and audit verify names it too.
describe('a history row that cannot be read', () => {
  let t: TestApp;
  let slug: string;
  let eventId: number;
  beforeAll(async () => {
    t = await startTestApp();
    slug = (await makeItem(t)).slug;
    const [row] = await t.query('SELECT id FROM history_events ORDER BY id DESC LIMIT 1');
    eventId = Number(row.id);
    await tamper(t.database, async (query) => {
      await query('UPDATE history_events SET changes = ? WHERE id = ?', ['not json {', eventId]);
      await recomputeChain(query);
    });
  });
  afterAll(() => t.close());

  it('answers 503 storage_unavailable naming the event, and /health turns degraded', async () => {
    await t.api.get('/health').expect(200);
    const history = await t.api
      .get(`/api/items/${slug}/history`)
      .set(...bearer())
      .expect(503);
    expect(history.headers['retry-after']).toBeDefined();
    expect(history.body).toMatchObject({
      type: expect.stringContaining('storage-unavailable'),
      detail: expect.stringContaining(`History event #${eventId} cannot be read: its changes column is not valid JSON`),
    });
    const health = await t.api.get('/health').expect(503);
    expect(health.body).toEqual({ status: 'degraded', reason: expect.stringContaining(`#${eventId}`) });
  });

  it('is named by audit verify', async () => {
    expect(await auditVerdict(t)).toMatchObject({
      ok: false,
      firstProblem: {
        kind: 'inconsistent_event',
        eventId,
        message: expect.stringMatching(/changes that are not JSON/),
      },
    });
  });
});
