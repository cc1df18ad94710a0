import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessmentsCommand } from '../src/cli/assessments.command.js';
import { editionsCommand } from '../src/cli/editions.command.js';
import { reportCommand } from '../src/cli/report.command.js';
import { historyOf, makeItem, uniqueSlug } from './support/factories.js';
import { startCliTestAppPerSuite } from './support/cli-test-app.js';
import { bearer } from './support/test-app.js';

// assessments apply, report compliance and editions: the same rules and the same answers as the API.
describe('compliance on the command line', () => {
  const t = startCliTestAppPerSuite({ TRACKER_SEED: 'true' });

  const run =
    (command: () => { parseAsync: (args: string[], options: { from: 'user' }) => Promise<unknown> }) =>
    (...args: string[]) =>
      command().parseAsync(args, { from: 'user' });
  const assessments = run(assessmentsCommand);
  const report = run(reportCommand);
  const editions = run(editionsCommand);

  it('applies a score matrix and a JSON file, refuses a bad cell naming its line, and writes the report', async () => {
    const category = uniqueSlug('cli');
    const one = await makeItem(t, { category });
    const two = await makeItem(t, { category });
    const matrix = join(t.directory, 'scores.csv');
    writeFileSync(matrix, `item,russia,nato\n${one.slug},+1,0\n${two.slug},-1,n/a\n`);
    await assessments('apply', matrix, '--effective-on', '2011-06-30', '--dry-run');
    expect(await historyOf(t, one.slug)).toHaveLength(1);
    await assessments('apply', matrix, '--effective-on', '2011-06-30', '--actor', 'desk');
    expect((await historyOf(t, one.slug))[1]).toMatchObject({
      action: 'assessed',
      party: 'russia',
      score: 1,
      actor: 'desk',
    });
    const json = join(t.directory, 'scores.json');
    writeFileSync(
      json,
      JSON.stringify({ assessments: [{ item: two.slug, party: 'russia', score: 0, evidence: 'Some action' }] }),
    );
    await assessments('apply', json, '--effective-on', '2011-12-31');
    const bad = join(t.directory, 'bad.csv');
    writeFileSync(bad, `item,russia\n${one.slug},maybe\n`);
    await expect(assessments('apply', bad, '--effective-on', '2011-12-31')).rejects.toMatchObject({
      code: 'validation_failed',
      extensions: { errors: [expect.objectContaining({ field: `line 2 (${one.slug}, russia)` })] },
    });
    const out = join(t.directory, 'compliance.csv');
    await report(
      'compliance',
      '--as-of',
      '2011-12-31',
      '--category',
      category,
      '--parties',
      'russia,nato',
      '--out',
      out,
    );
    expect(readFileSync(out, 'utf8')).toBe(
      [
        'item,russia,nato,average,percent',
        `${one.slug},+1,0,+0.50,75`,
        `${two.slug},0,n/a,0.00,50`,
        'average,+0.50,0.00,+0.33,',
        'percent,75,50,,67',
        '',
      ].join('\r\n'),
    );
    const slug = uniqueSlug('edition');
    await editions(
      'publish',
      slug,
      '--title',
      'CLI edition',
      '--report',
      'compliance',
      '--query',
      JSON.stringify({ asOf: '2011-12-31', category, parties: 'russia,nato' }),
    );
    const published = join(t.directory, 'edition.csv');
    await editions('show', slug, '--format', 'csv', '--out', published);
    expect(readFileSync(published, 'utf8')).toBe(readFileSync(out, 'utf8'));
    const api = await t.api
      .get(`/api/editions/${slug}/report?format=csv`)
      .set(...bearer())
      .expect(200);
    expect(api.text).toBe(readFileSync(published, 'utf8'));
  });
});
