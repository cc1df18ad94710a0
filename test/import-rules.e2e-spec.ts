import { NestFactory } from '@nestjs/core';
import { CliModule } from '../src/cli/cli.module.js';
import { GENESIS_HASH, eventHash, type HashedEventFields } from '../src/history/event-hash.js';
import { EVENT_ACTIONS } from '../src/history/history-event.types.js';
import { STANCES } from '../src/parties/stance.js';
import { TransferService } from '../src/transfer/transfer.service.js';
import { WORKFLOW_STATES } from '../src/workflow/workflow.definition.js';
import { auditVerdict, historyOf } from './support/factories.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';
import { amendSeededTracker, exportLines, importLines, startSqliteApp } from './support/transfer-files.js';
import { TEST_POSTGRES_URL } from './support/test-database.js';

type Rec = Record<string, unknown>;

// An import holds every rule the API holds. Each file here is an export edited by someone who
// knows the format: the chain and the hashes recomputed after the edit, so that it looks genuine.

// The events linked and hashed again, in file order, and the end line's head with them.
function rechained(records: readonly Rec[]): string[] {
  let head = GENESIS_HASH;
  const lines = records.map((record) => {
    if (record.type === 'event') {
      const linked = { ...record, prevHash: head };
      head = eventHash(linked as unknown as HashedEventFields);
      return JSON.stringify({ ...linked, hash: head });
    }
    return JSON.stringify(record.type === 'end' ? { ...record, head } : record);
  });
  return lines;
}

const REPORTS = [
  '/api/reports/status',
  '/api/reports/status?asOf=2010-11-21',
  '/api/reports/changes?from=2000-01-01&to=2030-12-31',
  '/api/reports/positions',
  '/api/reports/positions?asOf=2010-12-31',
  '/api/reports/revisions?from=2000-01-01T00:00:00Z',
];

// What a reader sees of an imported tracker answers 200 throughout, and it verifies.
async function expectReadable(t: TestApp): Promise<void> {
  expect(await auditVerdict(t)).toMatchObject({ ok: true });
  for (const path of REPORTS) {
    await t.api
      .get(path)
      .set(...bearer())
      .expect(200);
  }
  const items = await t.api
    .get('/api/items?limit=200')
    .set(...bearer())
    .expect(200);
  for (const { slug } of items.body.data as { slug: string }[]) {
    await t.api
      .get(`/api/items/${slug}`)
      .set(...bearer())
      .expect(200);
    await historyOf(t, slug);
  }
}

describe('an import holds every rule the API holds', () => {
  let source: TestApp;
  let target: TestApp;
  let records: Rec[];
  const events = () => records.filter((record) => record.type === 'event');
  const itemOf = (slug: string) => records.find((record) => record.type === 'item' && record.slug === slug) as Rec;
  const eventsOf = (slug: string) => events().filter((event) => event.itemId === itemOf(slug).id);
  const retractionOf = (slug: string) => eventsOf(slug).find((event) => event.action === 'retracted') as Rec;

  beforeAll(async () => {
    source = await startSqliteApp({ TRACKER_SEED: 'true' });
    await amendSeededTracker(source, 'refused-proposal');
    const lines = await exportLines(source);
    records = lines.map((line) => JSON.parse(line) as Rec);
    target = await startTestApp();
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  // The file with one record replaced, rechained.
  const edited = (record: Rec, change: Rec) =>
    rechained(records.map((candidate) => (candidate === record ? { ...candidate, ...change } : candidate)));

  async function expectRefused(lines: string[], message: RegExp): Promise<void> {
    const refusal = importLines(target, lines);
    await expect(refusal).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/^(line \d+|file): /),
    });
    await expect(refusal).rejects.toHaveProperty('extensions.errors', [
      expect.objectContaining({ field: expect.stringMatching(/^line \d+$/), message: expect.stringMatching(message) }),
    ]);
    for (const table of ['items', 'meetings', 'parties', 'history_events']) {
      const [{ n }] = await target.query(`SELECT COUNT(*) AS n FROM ${table}`);
      expect(Number(n)).toBe(0);
    }
  }

  it('imports the export as it is', async () => {
    const again = await startTestApp();
    try {
      await importLines(again, rechained(records));
      await expectReadable(again);
    } finally {
      await again.close();
    }
  });

  it.each([
    ['a lone surrogate in an event text', () => edited(events()[3], { reason: 'bad \ud800' }), /well-formed Unicode/],
    [
      'a lone surrogate escaped in the changes',
      () => edited(events()[3], { changes: '{"title":{"from":"a","to":"bad \\ud800"}}' }),
      /"changes" .*well-formed Unicode/,
    ],
    [
      'a retraction naming a creation',
      () => edited(retractionOf('joint-threat-review'), { retracts: 1 }),
      /retracts event 1/,
    ],
    [
      'a retraction whose changes are not what it moves back',
      () => edited(retractionOf('joint-threat-review'), { changes: '{}' }),
      /records "retracted" with changes \{\}, but what it moves is \{"state":/,
    ],
    [
      'a transition whose changes are not the move it makes',
      () =>
        edited(eventsOf('refused-proposal')[1], {
          changes: JSON.stringify({ state: { from: 'proposed', to: 'agreed' } }),
        }),
      /records "transitioned" with changes .*, but what it moves is \{"state":\{"from":"proposed","to":"rejected"\}\}/,
    ],
    [
      'a date that is no date',
      () => edited(eventsOf('refused-proposal')[1], { effectiveOn: 'not-a-date' }),
      /field "effectiveOn" must be a calendar date/,
    ],
    [
      'changes that are not JSON',
      () => edited(eventsOf('refused-proposal')[1], { changes: 'not json {' }),
      /field "changes" must be JSON/,
    ],
    [
      'a javascript: address',
      () => edited(itemOf('refused-proposal'), { sourceUrl: 'javascript:alert(1)' }),
      /field "sourceUrl" must be a URL/,
    ],
    [
      'a slug that is no slug',
      () => edited(itemOf('refused-proposal'), { slug: '../../Bad Slug/<x>?a=b#c' }),
      /field "slug" must be lower-case/,
    ],
    [
      'a proposal day that is no day',
      () => edited(itemOf('refused-proposal'), { proposedOn: '2999-99-99' }),
      /field "proposedOn" must be a calendar date/,
    ],
    [
      "a slug that is another record's id",
      () => edited(itemOf('refused-proposal'), { slug: itemOf('joint-threat-review').id }),
      /must not be shaped like an id/,
    ],
    ['a slug the console uses', () => edited(itemOf('refused-proposal'), { slug: 'new' }), /must not be .*new/],
    [
      'a duplicate slug',
      () => edited(itemOf('refused-proposal'), { slug: 'joint-threat-review' }),
      /item slug joint-threat-review is taken/,
    ],
  ])('refuses %s, naming its line', async (_, file, message) => {
    await expectRefused(file(), message);
  });

  // The file with one more event of an item's after the whole history, its row moved on with it.
  function appended(slug: string, event: Rec, row: Rec = {}): string[] {
    const item = itemOf(slug);
    const last = eventsOf(slug).at(-1) as Rec;
    const end = records.at(-1) as Rec;
    return rechained([
      ...records
        .slice(0, -1)
        .map((record) => (record === item ? { ...item, ...row, version: (item.version as number) + 1 } : record)),
      {
        ...last,
        id: ((events().at(-1) as Rec).id as number) + 1,
        seq: (last.seq as number) + 1,
        reason: null,
        corrects: null,
        retracts: null,
        ...event,
      },
      { ...end, events: (end.events as number) + 1 },
    ]);
  }

  it('refuses a move the workflow does not allow: rejected to implemented', async () => {
    const move = {
      action: 'transitioned',
      fromState: 'rejected',
      toState: 'implemented',
      changes: JSON.stringify({ state: { from: 'rejected', to: 'implemented' } }),
    };
    await expectRefused(
      appended('refused-proposal', move, { state: 'implemented' }),
      /An item in state rejected cannot move to implemented/,
    );
  });

  it("refuses an update of what no update changes: the item's slug", async () => {
    const rename = {
      action: 'updated',
      fromState: 'rejected',
      toState: 'rejected',
      changes: JSON.stringify({ slug: { from: 'refused-proposal', to: 'renamed-proposal' } }),
    };
    await expectRefused(appended('refused-proposal', rename), /is an update whose changes are \{"slug":/);
  });

  // One field of one record changed, the chain recomputed: either the file is refused, or what
  // it imports verifies and every report answers. The mutations are drawn by a fixed seed. Each
  // accepted one needs a fresh database, about 7 s on PostgreSQL against a fraction of one on
  // SQLite: PostgreSQL takes the first 60 of the same draw, so the suite stays in CI's time.
  const draws = TEST_POSTGRES_URL === undefined ? 240 : 60;
  it(`refuses or imports safely each of ${draws} exports with one field changed`, async () => {
    const mutations = drawMutations(records, draws);
    let refused = 0;
    let accepted = 0;
    // One command-line context per target database, as `import` opens one.
    let cli = await NestFactory.createApplicationContext(CliModule.forRoot(target.config), { logger: false });
    try {
      for (const { index, field, value } of mutations) {
        const file = rechained(records.map((record, at) => (at === index ? { ...record, [field]: value } : record)));
        try {
          await cli.get(TransferService).importFrom(() => file);
        } catch (error) {
          expect(error).toMatchObject({
            code: 'validation_failed',
            message: expect.stringMatching(/^(line \d+|file): /),
          });
          refused += 1;
          continue;
        }
        accepted += 1;
        try {
          await expectReadable(target);
        } catch (error) {
          throw new Error(`line ${index + 1} with ${field} = ${JSON.stringify(value)} imported: ${String(error)}`, {
            cause: error,
          });
        }
        await cli.close();
        await target.close();
        target = await startTestApp();
        cli = await NestFactory.createApplicationContext(CliModule.forRoot(target.config), { logger: false });
      }
    } finally {
      await cli.close();
    }
    process.stdout.write(`import mutations: ${refused} refused, ${accepted} accepted\n`);
    expect(refused + accepted).toBe(draws);
  }, 900_000);
});

// A fixed pseudo-random sequence (a linear congruential generator), so the set is the same every run.
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const TEXT_VALUES: unknown[] = [
  '',
  ' ',
  'bad \ud800',
  'x'.repeat(5001),
  'not-a-date',
  '2999-99-99',
  '2010-02-30',
  '2009-01-01',
  '2010-11-21',
  'javascript:alert(1)',
  '../../Bad Slug/<x>?a=b#c',
  'new',
  'line\u0000nul',
  'plain words',
  null,
  42,
];

function candidatesFor(records: readonly Rec[], record: Rec, field: string): unknown[] {
  const others = records.filter((other) => other.type === record.type && other !== record);
  const fromOthers = others.slice(0, 3).map((other) => other[field]);
  const ids = records.filter((other) => other.type !== 'event' && other.id !== undefined).map((other) => other.id);
  switch (field) {
    case 'action':
      return [...EVENT_ACTIONS];
    case 'fromState':
    case 'toState':
    case 'state':
      return [...WORKFLOW_STATES, null];
    case 'stance':
      return [...STANCES, null];
    case 'changes':
      return [
        'not json {',
        '{}',
        '[]',
        '{"state":{"from":"proposed"}}',
        '{"effectiveOn":{"from":"2010-01-01","to":"2010-01-02"}}',
        '{"title":{"from":"a","to":"\\ud800"}}',
        ...fromOthers,
      ];
    case 'seq':
    case 'version':
    case 'corrects':
    case 'retracts':
    case 'id':
      return [1, 2, 3, 0, -1, 999, null, ...fromOthers];
    case 'itemId':
    case 'meetingId':
    case 'partyId':
    case 'batchId':
      return [...ids.slice(0, 4), null, 'not-an-id'];
    default:
      return [...TEXT_VALUES, ...fromOthers];
  }
}

function drawMutations(records: readonly Rec[], count: number) {
  const random = seeded(21);
  const mutations: { index: number; field: string; value: unknown }[] = [];
  const seen = new Set<string>();
  while (mutations.length < count) {
    const index = Math.floor(random() * records.length);
    const record = records[index];
    const fields = Object.keys(record).filter((field) => field !== 'type' && field !== 'hash' && field !== 'prevHash');
    const field = fields[Math.floor(random() * fields.length)];
    const values = candidatesFor(records, record, field).filter(
      (value) => JSON.stringify(value) !== JSON.stringify(record[field]),
    );
    const value = values[Math.floor(random() * values.length)];
    const key = `${index}/${field}/${JSON.stringify(value)}`;
    if (values.length > 0 && !seen.has(key)) {
      seen.add(key);
      mutations.push({ index, field, value });
    }
  }
  return mutations;
}
