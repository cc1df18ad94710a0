import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failureReport } from '../src/cli/failure-report.js';
import { applyOutcomesFile } from '../src/cli/outcomes.command.js';
import { reportCommand } from '../src/cli/report.command.js';
import { historyOf, makeItem } from './support/factories.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

const EXAMPLE = 'examples/lisbon-summit-2010.json';

interface ChangesReport {
  transitions: { item: string; toState: string; meeting: string | null }[];
}

// The command's own code path, in process, on the database of a running test app.
describe('outcomes apply (command line)', () => {
  let t: TestApp;
  let files: string;
  const previousDatabaseUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    t = await startTestApp({ TRACKER_SEED: 'true' });
    process.env.DATABASE_URL = t.database.url;
    files = mkdtempSync(join(tmpdir(), 'policy-tracker-outcomes-'));
  });
  afterAll(async () => {
    process.env.DATABASE_URL = previousDatabaseUrl;
    rmSync(files, { recursive: true, force: true });
    await t.close();
  });

  function file(name: string, content: string): string {
    const path = join(files, name);
    writeFileSync(path, content);
    return path;
  }

  async function states(slugs: readonly string[]) {
    const found: Record<string, { state: string; version: number }> = {};
    for (const slug of slugs) {
      const response = await t.api
        .get(`/api/items/${slug}`)
        .set(...bearer())
        .expect(200);
      found[slug] = { state: response.body.state, version: response.body.version };
    }
    return found;
  }

  async function eventCount(): Promise<number> {
    const rows = await t.query('SELECT COUNT(*) AS n FROM history_events');
    return Number(rows[0].n);
  }

  const exampleSlugs = [
    'joint-threat-review',
    'missile-defense-cooperation',
    'early-warning-radar-linking',
    'counter-narcotics-strategy',
    'cfe-treaty-update',
  ];

  it('applies the Lisbon example to the seeded tracker, then refuses a second run item by item', async () => {
    const dryRun = await applyOutcomesFile(EXAMPLE, { dryRun: true, actor: 'cli' });
    expect(dryRun).toMatchObject({ dryRun: true, batch: null, meeting: 'lisbon-summit-2010' });
    expect(Object.values(await states(exampleSlugs)).every((item) => item.state === 'proposed')).toBe(true);

    const applied = await applyOutcomesFile(EXAMPLE, { actor: 'cli' });
    expect(applied.outcomes.map(({ item, toState }) => [item, toState])).toEqual([
      ['joint-threat-review', 'agreed'],
      ['missile-defense-cooperation', 'under_discussion'],
      ['early-warning-radar-linking', 'under_discussion'],
      ['counter-narcotics-strategy', 'agreed'],
      ['cfe-treaty-update', 'deferred'],
    ]);
    expect(applied.positions?.map(({ item, party, toStance }) => [item, party, toStance])).toEqual([
      ['joint-threat-review', 'russia', 'supports'],
      ['counter-narcotics-strategy', 'russia', 'supports'],
      ['counter-narcotics-strategy', 'nato', 'supports'],
    ]);
    const history = await historyOf(t, 'cfe-treaty-update');
    expect(history.at(-1)).toMatchObject({
      toState: 'deferred',
      effectiveOn: '2010-11-20',
      meeting: 'lisbon-summit-2010',
      source: 'NRC Joint Statement, Lisbon, 20 November 2010',
      batch: applied.batch,
      actor: 'cli',
    });

    const after = await states(exampleSlugs);
    const events = await eventCount();
    const refusal = applyOutcomesFile(EXAMPLE, { actor: 'cli' });
    await expect(refusal).rejects.toMatchObject({
      code: 'outcomes_rejected',
      message: expect.stringMatching(/^5 of 8 outcomes and positions/),
      extensions: {
        errors: exampleSlugs.map((slug, index) => ({
          field: `outcomes[${index}] (${slug})`,
          message: expect.stringMatching(/^transition_not_allowed: /),
        })),
      },
    });
    expect(await states(exampleSlugs)).toEqual(after);
    expect(await eventCount()).toBe(events);

    // What an analyst then asks: what did the summit change? Exactly the example's outcomes.
    const out = join(files, 'lisbon-changes.json');
    await reportCommand().parseAsync(
      ['changes', '--from', '2010-11-20', '--to', '2010-11-20', '--format', 'json', '--out', out],
      { from: 'user' },
    );
    const report = JSON.parse(readFileSync(out, 'utf8')) as ChangesReport;
    const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { outcomes: { item: string; to: string }[] };
    expect(report.transitions.map(({ item, toState, meeting }) => [item, toState, meeting]).sort()).toEqual(
      example.outcomes.map(({ item, to }) => [item, to, 'lisbon-summit-2010']).sort(),
    );
  });

  it('prints every refused outcome and position of a file, each with its reason', async () => {
    const item = await makeItem(t);
    const unexplained = await makeItem(t);
    const refused = file(
      'refused.json',
      JSON.stringify({
        meeting: 'lisbon-summit-2010',
        outcomes: [
          { item: item.slug, to: 'agreed' },
          { item: 'no-such-item', to: 'agreed' },
          { item: unexplained.slug, to: 'rejected' },
        ],
        positions: [
          { item: item.slug, party: 'nobody', stance: 'supports' },
          { item: item.slug, party: 'russia', stance: 'supports' },
          { item: item.slug, party: 'russia', stance: 'opposes' },
        ],
      }),
    );
    const error: unknown = await applyOutcomesFile(refused, { actor: 'cli' }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    const lines = failureReport(error).trimEnd().split('\n');
    expect(lines).toEqual([
      'error: 4 of 6 outcomes and positions cannot be applied, so nothing was written:',
      expect.stringMatching(/^ {2}outcomes\[1\] \(no-such-item\): item_not_found: \S/),
      expect.stringMatching(new RegExp(`^ {2}outcomes\\[2\\] \\(${unexplained.slug}\\): reason_required: \\S`)),
      expect.stringMatching(new RegExp(`^ {2}positions\\[0\\] \\(${item.slug}, nobody\\): party_not_found: \\S`)),
      expect.stringMatching(new RegExp(`^ {2}positions\\[2\\] \\(${item.slug}, russia\\): duplicate_position: \\S`)),
    ]);
  });

  it('reads a CSV file with the meeting from --meeting and names the line of a refused outcome', async () => {
    const good = await makeItem(t);
    const bad = await makeItem(t);
    const csv = file(
      'outcomes.csv',
      `item,to,reason\n${good.slug},rejected,"No consensus, for now."\n\n${bad.slug},rejected,\n`,
    );
    await expect(applyOutcomesFile(csv, { meeting: 'lisbon-summit-2010', actor: 'cli' })).rejects.toMatchObject({
      extensions: { errors: [{ field: `line 4 (${bad.slug})`, message: expect.stringMatching(/^reason_required: /) }] },
    });
    expect(await states([good.slug])).toEqual({ [good.slug]: { state: 'proposed', version: 1 } });

    writeFileSync(csv, `item,to,reason\n${good.slug},rejected,"No consensus, for now."\n${bad.slug},agreed,\n`);
    const applied = await applyOutcomesFile(csv, { meeting: 'lisbon-summit-2010', actor: 'jane' });
    expect(applied.outcomes.map(({ toState, reason }) => [toState, reason])).toEqual([
      ['rejected', 'No consensus, for now.'],
      ['agreed', null],
    ]);
    expect((await historyOf(t, bad.slug)).at(-1)).toMatchObject({ actor: 'jane', meeting: 'lisbon-summit-2010' });
  });

  it.each([
    ['a file that is not JSON', 'broken.json', '{\n  "meeting": "lisbon-summit-2010",\n  "outcomes": [],\n}', /line 4/],
    [
      'a JSON file with no meeting',
      'nomeeting.json',
      '{ "outcomes": [{ "item": "x", "to": "agreed" }] }',
      /no meeting/,
    ],
    ['an unknown member', 'extra.json', '{ "meeting": "m", "outcomes": [], "when": 1 }', /unknown members when/],
  ])('refuses %s with a message naming the problem', async (_, name, content, message) => {
    await expect(applyOutcomesFile(file(name, content), { actor: 'cli' })).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(message),
    });
  });

  it.each([
    [
      'an invalid JSON entry, by its index',
      'entries.json',
      '{ "meeting": "lisbon-summit-2010", "outcomes": [{ "item": "a", "to": "agreed" }, { "item": "b", "to": "done" }] }',
      { field: 'outcomes[1]', message: expect.stringMatching(/^to /) },
    ],
    ['a CSV row with a bad state, by its line', 'rows.csv', 'item,to\na,agreed\nb,done\n', { field: 'line 3' }],
    [
      'a CSV row of the wrong length, by its line',
      'length.csv',
      'item,to\na,agreed\nb,agreed,extra\n',
      { field: 'line 3' },
    ],
    ['a CSV header without the to column', 'header.csv', 'item,state\na,agreed\n', { field: 'line 1' }],
  ])('refuses %s', async (_, name, content, error) => {
    const events = await eventCount();
    await expect(
      applyOutcomesFile(file(name, content), { meeting: 'lisbon-summit-2010', actor: 'cli' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      extensions: { errors: expect.arrayContaining([expect.objectContaining(error)]) },
    });
    expect(await eventCount()).toBe(events);
  });

  it('refuses an actor name that could not be a token name', async () => {
    await expect(applyOutcomesFile(EXAMPLE, { actor: 'not a name' })).rejects.toMatchObject({
      extensions: { errors: [expect.objectContaining({ field: '--actor' })] },
    });
  });
});
