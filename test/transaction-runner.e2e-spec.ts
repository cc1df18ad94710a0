import Database from 'better-sqlite3';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../src/database/transaction-runner.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

// Writes that queue up while one commits share the next COMMIT (group commit); each still
// stands or falls on its own, and nobody hears of success before the commit is on disk.
// Group commit is the SQLite path of TransactionRunner only, so this file runs on SQLite whichever
// database the suite runs on (PostgreSQL writes are covered by test/database.e2e-spec.ts and the
// two-instance test).
describe('TransactionRunner on SQLite', () => {
  let database: TestDatabase;
  let t: TestApp;
  let runner: TransactionRunner;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    t = await startTestApp({}, { database });
    runner = t.app.get(TransactionRunner);
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  const insertMeeting = (manager: EntityManager, slug: string) =>
    manager.query(
      `INSERT INTO meetings (id, slug, name, location, held_on, created_at) VALUES (?, ?, 'Group', 'Here', '2010-11-20', '2010-11-20T00:00:00.000Z')`,
      [slug, slug],
    );

  // Another connection sees only what has been committed.
  const committedSlugs = (prefix: string): string[] => {
    const direct = new Database(t.databasePath, { readonly: true });
    try {
      return (
        direct.prepare('SELECT slug FROM meetings WHERE slug LIKE ? ORDER BY slug').all(`${prefix}%`) as {
          slug: string;
        }[]
      ).map(({ slug }) => slug);
    } finally {
      direct.close();
    }
  };

  it('rolls back only the write that failed among writes queued together', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) =>
        runner.write(async (manager) => {
          await insertMeeting(manager, `group-a-${index}`);
          if (index === 3) {
            throw new Error('refused after writing');
          }
          return index;
        }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(outcomes[3]).toMatchObject({ reason: new Error('refused after writing') });
    expect(outcomes[5]).toEqual({ status: 'fulfilled', value: 5 });
    expect(committedSlugs('group-a-')).toEqual([0, 1, 2, 4, 5, 6, 7].map((index) => `group-a-${index}`));
  });

  it('answers each write only once its commit is visible to other connections', async () => {
    const seenOnAnswer = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        runner
          .write((manager) => insertMeeting(manager, `group-b-${index}`))
          .then(() => committedSlugs(`group-b-${index}`)),
      ),
    );
    expect(seenOnAnswer).toEqual([0, 1, 2, 3, 4].map((index) => [`group-b-${index}`]));
  });

  it('runs a snapshot alone, after the writes queued before it and before those queued after', async () => {
    const countGroupD = async (manager: EntityManager) => {
      const rows: { n: number }[] = await manager.query(
        "SELECT COUNT(*) AS n FROM meetings WHERE slug LIKE 'group-d-%'",
      );
      return rows[0].n;
    };
    const [, seen, , after] = await Promise.all([
      runner.write((manager) => insertMeeting(manager, 'group-d-0')),
      runner.snapshot(countGroupD),
      runner.write((manager) => insertMeeting(manager, 'group-d-1')),
      runner.write(countGroupD),
    ]);
    expect([seen, after]).toEqual([1, 2]);
  });

  it('lets a later write of the same group see an earlier one', async () => {
    const [, count] = await Promise.all([
      runner.write((manager) => insertMeeting(manager, 'group-c-0')),
      runner.write(async (manager) => {
        const rows: { n: number }[] = await manager.query(
          "SELECT COUNT(*) AS n FROM meetings WHERE slug LIKE 'group-c-%'",
        );
        return rows[0].n;
      }),
    ]);
    expect(count).toBe(1);
  });
});
