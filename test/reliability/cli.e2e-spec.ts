import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDataset } from '../../bench/dataset.js';
import { recomputeChain, tamper } from '../support/tamper.js';
import { sqliteDatabaseAt } from '../support/test-database.js';
import { runCli } from './support/processes.js';

describe('the audit and backup commands', () => {
  let directory: string;
  let databasePath: string;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'policy-tracker-cli-'));
    databasePath = join(directory, 'tracker.sqlite');
    await buildDataset(databasePath, { items: 20, events: 200 });
  });
  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('audit verify exits 1 and names the first problem, and --against catches a recomputed chain', async () => {
    const head = await runCli(databasePath, ['audit', 'head']);
    expect(head).toMatchObject({ code: 0, stdout: expect.stringMatching(/^[0-9a-f]{64}:200\n$/) });
    const checkpoint = head.stdout.trim();
    const verified = await runCli(databasePath, ['audit', 'verify', '--against', checkpoint]);
    expect(verified).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(`matches ${checkpoint}\nhead (record it as a checkpoint): ${checkpoint}\n`),
    });

    const database = sqliteDatabaseAt(databasePath);
    await tamper(database, (query) => query("UPDATE history_events SET reason = 'Rewritten.' WHERE id = 50"));
    expect(await runCli(databasePath, ['audit', 'verify'])).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(
        /^NOT OK after 49 good events: changed_content at event #50, item bench-item-\d+, seq \d+\n/,
      ),
    });

    // The chain alone now looks intact (see test/audit.e2e-spec.ts); the checkpoint does not.
    await tamper(database, recomputeChain);
    expect(await runCli(databasePath, ['audit', 'verify', '--against', checkpoint])).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('checkpoint_mismatch at event #200'),
    });
    expect(await runCli(databasePath, ['audit', 'verify', '--against', 'yesterday'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('against: must be <hash>:<count>'),
    });
  });

  it('backup never overwrites a file, and sends PostgreSQL users to pg_dump', async () => {
    const existing = join(directory, 'existing.sqlite');
    writeFileSync(existing, 'precious');
    expect(await runCli(databasePath, ['backup', existing])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('file: exists already; a backup never overwrites a file'),
    });
    expect(
      await runCli(databasePath, ['backup', join(directory, 'pg.sqlite')], {
        DATABASE_URL: 'postgres://tracker:secret@127.0.0.1:5432/tracker',
      }),
    ).toMatchObject({ code: 1, stderr: expect.stringContaining('back it up with pg_dump') });
  });
});
