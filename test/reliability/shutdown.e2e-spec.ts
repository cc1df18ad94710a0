import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli, startServer } from './support/processes.js';
import { WriteLog, itemCreation, movingItem, runWorkers, until, writesNotKept } from './support/write-stream.js';

const MOVERS = 4;

describe('graceful shutdown', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'policy-tracker-shutdown-'));
  });
  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('on SIGTERM finishes the requests in flight, closes the database and exits 0', async () => {
    const databasePath = join(directory, 'tracker.sqlite');
    const server = await startServer(databasePath);
    const log = new WriteLog(server.url);
    const movers = [];
    for (let n = 0; n < MOVERS; n += 1) {
      expect((await log.send(itemCreation(`moved-${n}`))).status).toBe(201);
      movers.push(movingItem(`moved-${n}`));
    }
    const stream = runWorkers(log, movers, () => false);
    await until(() => log.acknowledged.length >= MOVERS + 30);
    const signalledAt = performance.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    await stream;

    // Requests already on their way when the signal came were answered, not cut off.
    const finishedAfterSignal = log.acknowledged.filter(
      (attempt) => attempt.sentAt < signalledAt && attempt.answeredAt > signalledAt,
    );
    expect(finishedAfterSignal.length).toBeGreaterThan(0);
    expect(log.attempts.filter((attempt) => attempt.status === 500)).toEqual([]);
    // Closed cleanly: the last connection to close checkpoints the WAL into the file and removes it.
    expect(existsSync(`${databasePath}-wal`)).toBe(false);
    const db = new Database(databasePath);
    try {
      expect(writesNotKept(db, log.attempts)).toEqual([]);
    } finally {
      db.close();
    }
    const verified = await runCli(databasePath, ['audit', 'verify']);
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ok: \d+ events/) });
  });
});
