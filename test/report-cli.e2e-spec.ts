import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportCommand } from '../src/cli/report.command.js';
import { makeItem, uniqueSlug } from './support/factories.js';
import { startCliTestAppPerSuite } from './support/cli-test-app.js';
import { bearer } from './support/test-app.js';

// The command line prints what the API answers, from the same database.
describe('report command', () => {
  const t = startCliTestAppPerSuite();
  let category: string;

  beforeAll(async () => {
    category = uniqueSlug('cli');
    const item = await makeItem(t, { category, title: 'Link radars, "soon" | <b>now</b>' });
    await t.api
      .post(`/api/items/${item.slug}/transitions`)
      .set(...bearer())
      .send({ to: 'agreed', effectiveOn: '2010-11-20', reason: 'Agreed,\nin Lisbon.' })
      .expect(200);
  });

  const run = (...args: string[]) => reportCommand().parseAsync(args, { from: 'user' });
  const api = async (path: string) =>
    (
      await t.api
        .get(path)
        .set(...bearer())
        .expect(200)
    ).text;

  it('writes the status report in the format the file name says, as the API serves it', async () => {
    for (const [file, format] of [
      ['status.md', 'md'],
      ['status.html', 'html'],
      ['status.json', 'json'],
    ]) {
      const out = join(t.directory, file);
      await run('status', '--as-of', '2010-11-20', '--category', category, '--out', out);
      expect(readFileSync(out, 'utf8')).toBe(
        await api(`/api/reports/status?asOf=2010-11-20&category=${category}&format=${format}`),
      );
    }
  });

  it('writes the changes report with --format, and refuses bad input with the API messages', async () => {
    const out = join(t.directory, 'changes.txt');
    await run(
      'changes',
      '--from',
      '2010-11-20',
      '--to',
      '2010-11-20',
      '--category',
      category,
      '--format',
      'csv',
      '--out',
      out,
    );
    expect(readFileSync(out, 'utf8')).toBe(
      await api(`/api/reports/changes?from=2010-11-20&to=2010-11-20&category=${category}&format=csv`),
    );
    await expect(run('status', '--as-of', '2010-11-31')).rejects.toMatchObject({
      code: 'validation_failed',
      extensions: { errors: [expect.objectContaining({ field: 'asOf' })] },
    });
    await expect(run('changes', '--from', '2010-11-21', '--to', '2010-11-20')).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});
