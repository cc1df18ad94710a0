import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { SQLITE_BUSY_TIMEOUT_MS } from '../../src/database/data-source-options.js';
import { adminHeaders, runCli, startServer, type ServerProcess } from './support/processes.js';
import { WriteLog, itemCreation, movingItem, runWorkers, transition, writesNotKept } from './support/write-stream.js';

const MOVERS = 3;

describe('two writers on one SQLite file: the server and the command line', () => {
  let directory: string;
  let databasePath: string;
  let server: ServerProcess;
  let log: WriteLog;
  const slugs = Array.from({ length: MOVERS }, (_, n) => `shared-${n}`);

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'policy-tracker-writers-'));
    databasePath = join(directory, 'tracker.sqlite');
    server = await startServer(databasePath);
    log = new WriteLog(server.url);
    for (const slug of slugs) {
      expect((await log.send(itemCreation(slug))).status).toBe(201);
    }
  });
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(directory, { recursive: true, force: true });
  });
  afterEach(() => {
    // Whatever happened, nothing reached a user as a 500, and nothing acknowledged was lost.
    expect(log.attempts.filter((attempt) => attempt.status === 500)).toEqual([]);
    const db = new Database(databasePath);
    try {
      expect(writesNotKept(db, log.attempts)).toEqual([]);
    } finally {
      db.close();
    }
  });

  // Another process takes the write lock, as a CLI command in its transaction does, for `holdMs`.
  async function whileLocked(holdMs: number, send: () => Promise<unknown>): Promise<void> {
    const other = new Database(databasePath);
    other.exec('BEGIN IMMEDIATE');
    const sent = send();
    await sleep(holdMs);
    other.exec('COMMIT');
    other.close();
    await sent;
  }

  it('waits for a short write lock held by another process, and then succeeds', async () => {
    const before = log.attempts.length;
    await whileLocked(1000, () =>
      Promise.all(slugs.map((slug) => log.send(transition(slug, 'deferred', `${slug} waited for the lock`)))),
    );
    expect(log.attempts.slice(before).map((attempt) => attempt.status)).toEqual(slugs.map(() => 200));
  });

  it('answers 503 with Retry-After, not 500, when the lock outlasts the busy timeout', async () => {
    const before = log.attempts.length;
    await whileLocked(SQLITE_BUSY_TIMEOUT_MS + 3000, () =>
      Promise.all(slugs.map((slug) => log.send(transition(slug, 'under_discussion', `${slug} outlasted`)))),
    );
    const attempts = log.attempts.slice(before);
    const busy = attempts.filter((attempt) => attempt.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const attempt of busy) {
      expect(attempt).toMatchObject({
        retryAfter: '1',
        contentType: expect.stringContaining('application/problem+json'),
      });
    }
    expect(attempts.every((attempt) => attempt.status === 200 || attempt.status === 503)).toBe(true);
  });

  it('runs CLI commands that write and read while the server takes a stream of transitions', async () => {
    let stopped = false;
    const before = log.acknowledged.length;
    const stream = runWorkers(log, slugs.map(movingItem), () => stopped);
    const [created, verified, backedUp, head] = await Promise.all([
      runCli(databasePath, ['tokens', 'create', 'night-shift', '--role', 'viewer']),
      runCli(databasePath, ['audit', 'verify']),
      runCli(databasePath, ['backup', join(directory, 'during-the-stream.sqlite')]),
      runCli(databasePath, ['audit', 'head']),
    ]);
    stopped = true;
    await stream;

    expect(log.acknowledged.length).toBeGreaterThan(before);
    expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining('Created viewer token "night-shift"') });
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ok: \d+ events/) });
    expect(backedUp).toMatchObject({ code: 0, stdout: expect.stringMatching(/The copy: ok: \d+ events/) });
    expect(head).toMatchObject({ code: 0, stdout: expect.stringMatching(/^[0-9a-f]{64}:\d+\n$/) });

    // The token written by the other process works on the server at once.
    const secret = /\n\n {2}(\S+)\n/.exec(created.stdout)?.[1];
    const asViewer = await fetch(`${server.url}/api/audit/head`, { headers: { authorization: `Bearer ${secret}` } });
    expect(asViewer.status).toBe(200);
    const report = await fetch(`${server.url}/api/audit/verify`, { headers: adminHeaders() });
    expect(await report.json()).toMatchObject({ ok: true });
  });
});
