import { historyOf, makeItem } from './support/factories.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';
import { amendSeededTracker, exportLines, importLines, startSqliteApp } from './support/transfer-files.js';

// The status and changes reports over the 2010 seed: today's, as of the Lisbon summit, and as
// the tracker knew it before the first transition was recorded.
const REPORTS = [
  '/api/reports/status',
  '/api/reports/status?asOf=2010-11-21',
  '/api/reports/changes?from=2010-01-01&to=2010-12-31',
  '/api/reports/changes?from=2010-11-19&to=2010-11-20&category=missile-defense',
  '/api/reports/positions?asOf=2010-12-31',
  '/api/items/joint-threat-review',
  '/api/items/military-doctrines-dialogue',
];

// Everything a reader of the tracker sees: every item, its full history, the meetings and the reports.
async function visibleState(t: TestApp) {
  const reports: Record<string, unknown> = {};
  for (const path of REPORTS) {
    reports[path] = (
      await t.api
        .get(path)
        .set(...bearer())
        .expect(200)
    ).body;
  }
  const [firstTransition] = await t.query(
    "SELECT recorded_at FROM history_events WHERE action = 'transitioned' ORDER BY id LIMIT 1",
  );
  const knownAt = `/api/reports/status?asOf=2010-12-31&knownAt=${String(firstTransition.recorded_at)}`;
  reports.knownAt = (
    await t.api
      .get(knownAt)
      .set(...bearer())
      .expect(200)
  ).body;
  const items = await t.api
    .get('/api/items?limit=200&sort=slug')
    .set(...bearer())
    .expect(200);
  const meetings = await t.api
    .get('/api/meetings')
    .set(...bearer())
    .expect(200);
  const histories: Record<string, unknown> = {};
  for (const item of items.body.data as { slug: string }[]) {
    histories[item.slug] = await historyOf(t, item.slug);
  }
  return { items: items.body, meetings: meetings.body, histories, reports };
}

describe('export and import', () => {
  let source: TestApp;
  let target: TestApp;
  let exported: string[];
  beforeAll(async () => {
    source = await startSqliteApp({ TRACKER_SEED: 'true' });
    // Beyond the seed: a decision at a new meeting, corrected, a retraction, and a descriptive change.
    await amendSeededTracker(source);
    // A position corrected and one retracted: the party's restored position travels with them.
    const nato = (await historyOf(source, 'joint-threat-review')).find((event) => event.party === 'nato');
    await source.api
      .post(`/api/items/joint-threat-review/history/${String(nato?.seq)}/correction`)
      .set(...bearer())
      .send({ note: 'Said the next day.', effectiveOn: '2010-09-23' })
      .expect(201);
    const doctrines = (await historyOf(source, 'military-doctrines-dialogue')).find(
      (event) => event.party === 'united-states',
    );
    await source.api
      .post(`/api/items/military-doctrines-dialogue/history/${String(doctrines?.seq)}/retraction`)
      .set(...bearer())
      .send({ note: 'Not among the areas urged.' })
      .expect(201);
    const seeded = await source.api
      .get('/api/items/cfe-treaty-update')
      .set(...bearer())
      .expect(200);
    await source.api
      .patch('/api/items/cfe-treaty-update')
      .set(...bearer())
      .set('If-Match', seeded.headers.etag)
      .send({ summary: 'Restore the limits and inspections of the CFE treaty.' })
      .expect(200);
    exported = await exportLines(source);
    // SQLite to the suite's database (PostgreSQL under npm run test:postgres).
    target = await startTestApp();
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('writes a versioned header, the records and an end line that counts them', () => {
    const records = exported.map((line) => JSON.parse(line));
    expect(records[0]).toMatchObject({ type: 'header', format: 'policy-tracker-export', version: 3 });
    const end = records[records.length - 1];
    expect(end).toMatchObject({ type: 'end', meetings: 3, parties: 3, items: 9 });
    expect(records.filter((record) => record.type === 'party').map((party) => party.slug)).toEqual([
      expect.any(String),
      expect.any(String),
      expect.any(String),
    ]);
    expect(records.filter((record) => record.action === 'positioned')).toHaveLength(9);
    expect(records.filter((record) => record.type === 'event')).toHaveLength(end.events);
    expect(exported.join('\n')).not.toContain('secret');
  });

  it('moves items, meetings and the full history with its ids and hashes, and back', async () => {
    const counts = await importLines(target, exported);
    expect({ type: 'end', ...counts }).toEqual(JSON.parse(exported[exported.length - 1]));
    const before = await visibleState(source);
    expect(await visibleState(target)).toEqual(before);

    const back = await startSqliteApp();
    try {
      // Pages of two rows: every table spans several pages.
      const again = await exportLines(target, { pageSize: 2 });
      // Only the header (when, from which database) differs; every record is the same.
      expect(again.slice(1)).toEqual(exported.slice(1));
      await importLines(back, again);
      expect(await visibleState(back)).toEqual(before);
    } finally {
      await back.close();
    }
  });

  it('goes on appending to the imported chain with new ids', async () => {
    const end = JSON.parse(exported[exported.length - 1]);
    const events = exported.map((line) => JSON.parse(line)).filter((record) => record.type === 'event');
    const lastId = events[events.length - 1].id;
    const item = await makeItem(target);
    const [created] = await historyOf(target, item.slug);
    expect(created.id).toBe(lastId + 1);
    const [row] = await target.query('SELECT prev_hash FROM history_events WHERE id = ?', [created.id]);
    expect(row.prev_hash).toBe(end.head);
  });

  it('imports only into an empty tracker', async () => {
    await expect(importLines(target, exported)).rejects.toMatchObject({ code: 'target_not_empty' });
  });
});

describe('an import refuses a file that does not verify, and imports none of it', () => {
  let source: TestApp;
  let target: TestApp;
  let exported: string[];
  beforeAll(async () => {
    source = await startSqliteApp({ TRACKER_SEED: 'true' });
    exported = await exportLines(source);
    target = await startTestApp();
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  const firstItem = () => exported.findIndex((line) => line.includes('"type":"item"'));
  const eventLines = () => exported.flatMap((line, index) => (line.includes('"type":"event"') ? [index] : []));
  const edited = (index: number, edit: (record: Record<string, unknown>) => void) =>
    exported.map((line, i) => {
      if (i !== index) {
        return line;
      }
      const record = JSON.parse(line);
      edit(record);
      return JSON.stringify(record);
    });

  it.each([
    ['an event changed after it was recorded', () => edited(eventLines()[3], (e) => (e.reason = 'rewritten')), /hash/],
    ['an event left out', () => exported.filter((_, i) => i !== eventLines()[0] + 1), /chain is broken|expected/],
    ['an event moved', () => edited(eventLines()[2], (e) => (e.id = 1)), /out of order/],
    [
      'an item whose row disagrees with its history',
      () => edited(firstItem(), (i) => (i.version = 7)),
      /its history says/,
    ],
    ['a cut-off file', () => exported.slice(0, -1), /incomplete/],
    ['a file of a newer format', () => edited(0, (h) => (h.version = 4)), /version 4/],
    ['a record of an unknown shape', () => edited(1, (m) => (m.extra = true)), /unknown field/],
    ['an item before the meetings', () => [exported[0], exported[firstItem()], ...exported.slice(1)], /out of place/],
    ['a line that is not JSON', () => [...exported.slice(0, 2), '{', ...exported.slice(2)], /not JSON/],
  ])('refuses %s', async (_, file, message) => {
    const refusal = importLines(target, file());
    await expect(refusal).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(refusal).rejects.toHaveProperty(
      'extensions.errors',
      expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(message) })]),
    );
    const list = await target.api
      .get('/api/items')
      .set(...bearer())
      .expect(200);
    expect(list.body.total).toBe(0);
  });
});
