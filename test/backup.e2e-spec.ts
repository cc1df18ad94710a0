import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDataset } from '../bench/dataset.js';
import { auditSqliteFile } from '../src/audit/audit-file.js';
import { backupSqliteFile, type BackupProgress } from '../src/backup/sqlite-backup.js';
import { DomainError } from '../src/common/domain-error.js';
import { itemBody } from './support/factories.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

describe('online backup', () => {
  let directory: string;
  let databasePath: string;
  let t: TestApp;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'policy-tracker-backup-'));
    databasePath = join(directory, 'tracker.sqlite');
    // Big enough (about 3,000 pages) that the copy takes many steps, with requests served between them.
    await buildDataset(databasePath, { items: 2000, events: 20000 });
    t = await startTestApp({ DATABASE_URL: `sqlite:${databasePath}` });
  });
  afterAll(async () => {
    await t.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('copies a database that is being written to, and the copy verifies', async () => {
    let writing = true as boolean;
    let acknowledged = 0;
    const writer = (async () => {
      while (writing) {
        await t.api
          .post('/api/items')
          .set(...bearer())
          .send(itemBody())
          .expect(201);
        acknowledged += 1;
      }
    })();
    const steps: BackupProgress[] = [];
    const copy = join(directory, 'copy.sqlite');
    const acknowledgedBefore = acknowledged;
    await backupSqliteFile(databasePath, copy, (progress) => steps.push(progress));
    writing = false;
    await writer;

    // Several steps, with requests committed between them (each one restarts the copy).
    expect(steps.length).toBeGreaterThan(1);
    expect(acknowledged).toBeGreaterThan(acknowledgedBefore);
    const report = await auditSqliteFile(copy);
    expect(report).toMatchObject({ ok: true });
    // Every event acknowledged before the copy began is in it; later ones may be.
    expect(report.events).toBeGreaterThanOrEqual(20000 + acknowledgedBefore);
    expect(report.events).toBeLessThanOrEqual(20000 + acknowledged);
  });

  it('never overwrites a file', async () => {
    const existing = join(directory, 'existing.sqlite');
    await backupSqliteFile(databasePath, existing);
    const before = statSync(existing);
    await expect(backupSqliteFile(databasePath, existing)).rejects.toThrow(DomainError);
    expect(statSync(existing).mtimeMs).toBe(before.mtimeMs);
    await expect(backupSqliteFile(databasePath, join(directory, 'no-such-folder', 'copy.sqlite'))).rejects.toThrow(
      'Not writing the backup',
    );
  });
});
