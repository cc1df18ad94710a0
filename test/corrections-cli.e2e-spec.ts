import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { batchCommand, historyCommand } from '../src/cli/corrections.command.js';
import { failureReport } from '../src/cli/failure-report.js';
import { reportCommand } from '../src/cli/report.command.js';
import { auditVerdict, historyOf, makeItem, makeMeeting } from './support/factories.js';
import { startCliTestAppPerSuite } from './support/cli-test-app.js';
import { bearer } from './support/test-app.js';

// The corrections commands go through the same services as the API, on the same database.
describe('history, batch and report revisions commands', () => {
  const t = startCliTestAppPerSuite();
  let written: string[];
  const savedWrite = process.stdout.write.bind(process.stdout);

  beforeEach(() => {
    written = [];
    process.stdout.write = (chunk: string) => written.push(chunk) > 0;
  });
  afterEach(async () => {
    process.stdout.write = savedWrite;
    expect(await auditVerdict(t)).toMatchObject({ ok: true });
  });

  const printed = () => JSON.parse(written.join('')) as Record<string, unknown>;

  async function summit() {
    const meeting = await makeMeeting(t, { heldOn: '2010-11-20' });
    const item = await makeItem(t);
    const applied = await t.api
      .post(`/api/meetings/${meeting.slug}/outcomes`)
      .set(...bearer())
      .send({ outcomes: [{ item: item.slug, to: 'agreed' }] })
      .expect(200);
    return { meeting, item, batch: applied.body.batch as string };
  }

  it('corrects and retracts an event, recording the actor', async () => {
    const { item } = await summit();
    await historyCommand().parseAsync(
      [
        'correct',
        item.slug,
        '2',
        '--note',
        'A day later.',
        '--effective-on',
        '2010-11-21',
        '--no-meeting',
        '--actor',
        'jane',
      ],
      { from: 'user' },
    );
    expect(printed()).toMatchObject({
      seq: 3,
      action: 'corrected',
      corrects: 2,
      actor: 'jane',
      changes: { effectiveOn: { from: '2010-11-20', to: '2010-11-21' }, meeting: { to: null } },
    });
    written = [];
    await historyCommand().parseAsync(['retract', item.slug, '2', '--note', 'Not decided.'], { from: 'user' });
    expect(printed()).toMatchObject({ seq: 4, action: 'retracted', retracts: 2, actor: 'cli' });
    expect((await historyOf(t, item.slug))[1]).toMatchObject({ correctedBy: [3], retractedBy: 4 });
    await expect(
      historyCommand().parseAsync(['retract', item.slug, '1', '--note', 'x'], { from: 'user' }),
    ).rejects.toMatchObject({ code: 'event_not_amendable' });
    await expect(
      historyCommand().parseAsync(['correct', item.slug, 'two', '--note', 'x', '--reason', 'y'], { from: 'user' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('dry-runs and retracts a batch', async () => {
    const { item, batch } = await summit();
    await batchCommand().parseAsync(['retract', batch, '--note', 'Wrong file.', '--dry-run'], { from: 'user' });
    expect(printed()).toMatchObject({ retracts: batch, dryRun: true, batch: null });
    written = [];
    await batchCommand().parseAsync(['retract', batch, '--note', 'Wrong file.'], { from: 'user' });
    expect(printed()).toMatchObject({ retracts: batch, dryRun: false, outcomes: [{ item: item.slug, retracts: 2 }] });
  });

  it('prints each event of a batch that cannot be retracted, with why', async () => {
    const { item, batch } = await summit();
    await t.api
      .post(`/api/items/${item.slug}/transitions`)
      .set(...bearer())
      .send({ to: 'implemented', effectiveOn: '2010-12-01' })
      .expect(200);
    const error: unknown = await batchCommand()
      .parseAsync(['retract', batch, '--note', 'Wrong file.'], { from: 'user' })
      .then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
    expect(failureReport(error).trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^error: /),
      expect.stringMatching(new RegExp(`^ {2}${item.slug} seq 2: retraction_not_latest: .*\\(3\\)\\.$`)),
    ]);
  });

  it('writes the revisions report as the API serves it', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const to = new Date().toISOString();
    const out = join(t.directory, 'notice.html');
    await reportCommand().parseAsync(['revisions', '--as-of', '2010-11-21', '--from', from, '--to', to, '--out', out], {
      from: 'user',
    });
    const page = await t.api
      .get(`/api/reports/revisions?asOf=2010-11-21&from=${from}&to=${to}&format=html`)
      .set(...bearer())
      .expect(200);
    expect(readFileSync(out, 'utf8')).toBe(page.text);
    expect(page.text).toContain('Correction notice');
  });
});
