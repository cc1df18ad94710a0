import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { adminHeaders, startServer, type ServerProcess } from './support/processes.js';
import {
  WriteLog,
  applyingOutcomes,
  creatingItems,
  itemCreation,
  meetingCreation,
  movingItem,
  runWorkers,
  until,
  writesNotKept,
} from './support/write-stream.js';

// Where the server is killed: after this many acknowledged writes of the round's stream.
const CRASH_POINTS = [3, 15, 40, 75];
const MOVERS = 3;
const BATCH_SIZE = 4;

describe('crash safety', () => {
  let directory: string;
  let databasePath: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'policy-tracker-crash-'));
    databasePath = join(directory, 'tracker.sqlite');
  });
  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  // After a restart: every acknowledged write is there, no write is there in part, and the history verifies.
  async function expectIntact(server: ServerProcess, logs: readonly WriteLog[]): Promise<void> {
    const db = new Database(databasePath);
    try {
      expect(logs.flatMap((log) => writesNotKept(db, log.attempts))).toEqual([]);
    } finally {
      db.close();
    }
    const verified = await fetch(`${server.url}/api/audit/verify`, { headers: adminHeaders() });
    expect(await verified.json()).toMatchObject({ ok: true });
  }

  it('keeps every acknowledged write, half of none, through SIGKILL in the middle of a stream', async () => {
    const logs: WriteLog[] = [];
    for (const [round, crashPoint] of CRASH_POINTS.entries()) {
      const server = await startServer(databasePath);
      await expectIntact(server, logs);
      const log = new WriteLog(server.url);
      logs.push(log);
      const movers = [];
      for (let n = 0; n < MOVERS; n += 1) {
        const slug = `round-${round}-moved-${n}`;
        expect((await log.send(itemCreation(slug))).status).toBe(201);
        movers.push(movingItem(slug));
      }
      const meeting = `round-${round}-summit`;
      expect((await log.send(meetingCreation(meeting))).status).toBe(201);
      const batchItems = Array.from({ length: BATCH_SIZE }, (_, n) => `round-${round}-batched-${n}`);
      for (const slug of batchItems) {
        expect((await log.send(itemCreation(slug))).status).toBe(201);
      }
      const setupWrites = log.acknowledged.length;
      const workers = [...movers, creatingItems(`round-${round}-created`), applyingOutcomes(meeting, batchItems)];
      const stream = runWorkers(log, workers, () => false);
      await until(() => log.acknowledged.length >= setupWrites + crashPoint);
      server.child.kill('SIGKILL');
      expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
      await stream;
      expect(log.serverErrors).toEqual([]);
      // Killed in the middle: requests were on their way, and their fate is for the database to say.
      expect(log.unanswered.length).toBeGreaterThan(0);
    }
    // The stream really mixed outcome batches in with the single writes.
    const batches = logs.flatMap((log) => log.acknowledged).filter(({ write }) => write.path.endsWith('/outcomes'));
    expect(batches.length).toBeGreaterThan(0);
    const server = await startServer(databasePath);
    try {
      await expectIntact(server, logs);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
