import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyCommand } from '../src/cli/corrections.command.js';
import { positionsCommand } from '../src/cli/positions.command.js';
import { reportCommand } from '../src/cli/report.command.js';
import { historyOf, makeItem, uniqueSlug } from './support/factories.js';
import { startCliTestAppPerSuite } from './support/cli-test-app.js';
import { bearer } from './support/test-app.js';

// positions set and report positions: the same rules and the same answers as the API.
describe('positions on the command line', () => {
  const t = startCliTestAppPerSuite({ TRACKER_SEED: 'true' });

  const positions = (...args: string[]) => positionsCommand().parseAsync(args, { from: 'user' });
  const report = (...args: string[]) => reportCommand().parseAsync(args, { from: 'user' });

  it('records a position as the API would, and refuses one that goes back in time', async () => {
    const category = uniqueSlug('cli');
    const item = await makeItem(t, { category });
    await positions(
      'set',
      item.slug,
      'russia',
      'conditional',
      '--statement',
      'With inspections.',
      '--effective-on',
      '2010-10-05',
      '--actor',
      'desk',
    );
    const [, positioned] = await historyOf(t, item.slug);
    expect(positioned).toMatchObject({
      action: 'positioned',
      party: 'russia',
      stance: 'conditional',
      reason: 'With inspections.',
      effectiveOn: '2010-10-05',
      actor: 'desk',
    });
    await expect(
      positions('set', item.slug, 'russia', 'opposes', '--effective-on', '2010-10-04'),
    ).rejects.toMatchObject({
      code: 'position_out_of_order',
    });
    await expect(positions('set', item.slug, 'russia', 'lukewarm')).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(positions('set', item.slug, 'atlantis', 'supports')).rejects.toMatchObject({
      code: 'party_not_found',
    });
  });

  it('corrects and retracts a position with the history commands, the party returning to none', async () => {
    const item = await makeItem(t);
    await positions('set', item.slug, 'nato', 'undecided', '--effective-on', '2010-10-05');
    const history = (...args: string[]) => historyCommand().parseAsync(args, { from: 'user' });
    const savedWrite = process.stdout.write.bind(process.stdout);
    process.stdout.write = () => true;
    try {
      await history('correct', item.slug, '2', '--effective-on', '2010-10-06', '--note', 'A day later.');
      await history('retract', item.slug, '2', '--note', 'Never said.');
    } finally {
      process.stdout.write = savedWrite;
    }
    const events = await historyOf(t, item.slug);
    expect(events.slice(1).map((event) => [event.action, event.correctedBy, event.retractedBy])).toEqual([
      ['positioned', [3], 4],
      ['corrected', undefined, undefined],
      ['retracted', undefined, undefined],
    ]);
    expect(events[3]).toMatchObject({ changes: { stance: { from: 'undecided', to: null } } });
    const detail = await t.api
      .get(`/api/items/${item.slug}`)
      .set(...bearer())
      .expect(200);
    expect(detail.body.positions).toEqual([]);
  });

  it('writes the positions report as the API serves it', async () => {
    const out = join(t.directory, 'positions.md');
    await report('positions', '--as-of', '2010-09-23', '--divergent', '--out', out);
    const api = await t.api
      .get('/api/reports/positions?asOf=2010-09-23&divergent=true&format=md')
      .set(...bearer())
      .expect(200);
    expect(readFileSync(out, 'utf8')).toBe(api.text);
    expect(api.text).toContain('european-security-treaty');
  });
});
