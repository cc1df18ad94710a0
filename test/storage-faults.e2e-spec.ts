import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { jest } from '@jest/globals';
import { createApp } from '../src/app.factory.js';
import { auditCommand } from '../src/cli/audit.command.js';
import { loadConfig } from '../src/config/app-config.js';
import { makeItem } from './support/factories.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { ADMIN_TOKEN, bearer, startTestApp, type TestApp } from './support/test-app.js';

// API.md v1.1: a full disk is 507, a database that cannot be written 503, both with Retry-After;
// /health says degraded meanwhile; a file failing SQLite's integrity check is refused at start and
// reported by audit verify. The faults are made with SQLite's own switches (max_page_count,
// query_only), so these run on a SQLite file whatever TEST_DATABASE_URL says.

const LONG_SUMMARY = 'A summary long enough to fill pages. '.repeat(130);

// 64 KiB of garbage in the middle of the file, as a failing disk or a stray write leaves it.
function corruptMiddle(path: string): void {
  const size = statSync(path).size;
  const file = openSync(path, 'r+');
  try {
    writeSync(file, randomBytes(64 * 1024), 0, 64 * 1024, Math.floor(size / 2 / 4096) * 4096);
  } finally {
    closeSync(file);
  }
}

async function fillWithItems(t: TestApp, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    await makeItem(t, { summary: LONG_SUMMARY });
  }
  // Everything in the main file, none of it only in the WAL.
  await t.query('PRAGMA wal_checkpoint(TRUNCATE)');
}

describe('storage faults while running', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { database: await createTestDatabase('sqlite') });
  });
  afterAll(async () => {
    await t.close();
    await t.database.drop();
  });

  const create = () =>
    t.api
      .post('/api/items')
      .set(...bearer())
      .send({
        slug: `full-${randomBytes(4).toString('hex')}`,
        title: 'x',
        summary: LONG_SUMMARY,
        category: 'c',
        proposedBy: 'p',
        proposedOn: '2010-01-01',
      });

  it('answers 507 with Retry-After when the disk is full, says so on /health, and recovers', async () => {
    const [{ page_count: pages }] = (await t.query('PRAGMA page_count')) as [{ page_count: number }];
    await t.query(`PRAGMA max_page_count = ${pages}`);
    let refused;
    for (let attempt = 0; attempt < 50 && !refused; attempt += 1) {
      const answer = await create();
      if (answer.status !== 201) {
        refused = answer;
      }
    }
    expect(refused?.status).toBe(507);
    expect(refused?.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused?.body.type).toMatch(/insufficient-storage$/);
    const health = await t.api.get('/health').expect(503);
    expect(health.body).toEqual({ status: 'degraded', reason: expect.stringMatching(/full/) });
    // Reads still work.
    await t.api
      .get('/api/items')
      .set(...bearer())
      .expect(200);

    await t.query('PRAGMA max_page_count = 1073741823');
    await create().expect(201);
    await t.api.get('/health').expect(200);
  });

  it('answers 503 with Retry-After when the database cannot be written, and /health says degraded', async () => {
    await t.query('PRAGMA query_only = 1');
    const refused = await create();
    expect(refused.status).toBe(503);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.type).toMatch(/storage-unavailable$/);
    const health = await t.api.get('/health').expect(503);
    expect(health.body).toEqual({ status: 'degraded', reason: expect.stringMatching(/cannot be written/) });

    await t.query('PRAGMA query_only = 0');
    await create().expect(201);
    await t.api.get('/health').expect(200);
  });

  it('reports a file that became corrupt as ok: false from audit verify, not a 500', async () => {
    await fillWithItems(t, 40);
    // Drop the connection's page cache, so the next reads go to the file.
    await t.query('PRAGMA shrink_memory');
    corruptMiddle(t.databasePath);
    const verify = await t.api
      .get('/api/audit/verify')
      .set(...bearer())
      .expect(200);
    expect(verify.body).toMatchObject({ ok: false, firstProblem: { kind: 'storage_corrupt' } });
  });
});

describe('a corrupt file at start', () => {
  let database: TestDatabase;
  let path: string;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const t = await startTestApp({}, { database });
    path = t.databasePath;
    await fillWithItems(t, 40);
    await t.close();
    corruptMiddle(path);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await database.drop();
  });

  it('is refused at once with one line naming the check, without retrying', async () => {
    const config = loadConfig({ DATABASE_URL: database.url, TRACKER_ADMIN_TOKEN: ADMIN_TOKEN, LOG_LEVEL: 'silent' });
    const attempt = createApp(config);
    await expect(attempt).rejects.toThrow(/integrity check/);
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).not.toContain('\n');
    expect(message).toContain(path);
  });

  it('is reported as not ok by the audit verify command, without a stack', async () => {
    let output = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output += String(chunk);
      return true;
    });
    const previousUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = database.url;
    try {
      await auditCommand().exitOverride().parseAsync(['verify'], { from: 'user' });
    } finally {
      process.env.DATABASE_URL = previousUrl;
      jest.restoreAllMocks();
    }
    expect(output).toMatch(/^NOT OK .*storage_corrupt/);
    expect(output).not.toMatch(/\bat .+:\d+:\d+/);
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
  });
});
