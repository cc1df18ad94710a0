import type { EntityManager, QueryRunner } from 'typeorm';

// Advisory lock keys: arbitrary constants, the same in every instance, so that instances sharing a
// database agree on them. Nothing else in the database uses advisory locks.
export const WRITE_LOCK_KEY = '7034401';
const MIGRATION_LOCK_KEY = '7034402';

// A write transaction waits this long for the write lock (or a row lock), then the client hears
// 503 database_busy: the same bound as SQLite's busy timeout.
export const POSTGRES_LOCK_TIMEOUT_MS = 5000;

// Taken first in every write transaction and released by its COMMIT or ROLLBACK. The history is one
// hash chain, so its appends must happen one at a time across all instances; taking the lock before
// anything else also means no transaction ever waits for it while holding a row lock, so no deadlock.
export async function lockWrites(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
}

// Held on one session while the migrations run, so that instances starting together migrate one
// after the other; the second then finds nothing pending.
export async function withMigrationLock<T>(queryRunner: QueryRunner, work: () => Promise<T>): Promise<T> {
  // Migrations may wait as long as they need, for the lock and for the tables they change.
  await queryRunner.query('SET lock_timeout = 0');
  await queryRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    return await work();
  } finally {
    await queryRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    await queryRunner.query('RESET lock_timeout');
  }
}
