import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { WRITE_LOCK_KEY } from '../../src/database/postgres-locks.js';
import { withClient } from './pg-client.mjs';

// The tests run on SQLite, or on PostgreSQL when TEST_DATABASE_URL=postgres://… names a server (its
// database is only used to create and drop a fresh database per test app).
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL;
if (TEST_POSTGRES_URL !== undefined && !/^postgres(ql)?:\/\//.test(TEST_POSTGRES_URL)) {
  throw new Error('TEST_DATABASE_URL must be a postgres:// URL');
}

export type TestDatabaseKind = 'sqlite' | 'postgres';
export const TEST_DATABASE_KIND: TestDatabaseKind = TEST_POSTGRES_URL ? 'postgres' : 'sqlite';

export interface TestDatabase {
  readonly kind: TestDatabaseKind;
  // The DATABASE_URL of the fresh, empty database.
  readonly url: string;
  // Runs one statement on a connection of its own, outside the app; `?` placeholders on both.
  directQuery(sql: string, params?: unknown[]): Promise<unknown[]>;
  // Takes the write lock on a connection of its own, as another instance or the CLI would, and
  // holds it until the returned function is called.
  holdWriteLock(): Promise<() => Promise<void>>;
  drop(): Promise<void>;
}

export function createTestDatabase(kind: TestDatabaseKind = TEST_DATABASE_KIND): Promise<TestDatabase> {
  return kind === 'postgres' ? createPostgresDatabase() : Promise.resolve(createSqliteDatabase());
}

// PostgreSQL wants $1, $2… where the tests write ?.
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function createSqliteDatabase(): TestDatabase {
  return sqliteDatabaseAt(join(mkdtempSync(join(tmpdir(), 'policy-tracker-test-')), 'tracker.sqlite'));
}

// The SQLite file at `path`, alone in a folder of its own (which drop() removes).
export function sqliteDatabaseAt(path: string): TestDatabase {
  return {
    kind: 'sqlite',
    url: `sqlite:${path}`,
    directQuery: async (sql, params = []) => {
      const direct = new Database(path);
      try {
        const statement = direct.prepare(sql);
        return statement.reader ? statement.all(...params) : [statement.run(...params)];
      } finally {
        direct.close();
      }
    },
    holdWriteLock: async () => {
      const direct = new Database(path);
      direct.exec('BEGIN IMMEDIATE');
      return async () => {
        direct.exec('ROLLBACK');
        direct.close();
      };
    },
    drop: async () => rmSync(dirname(path), { recursive: true, force: true }),
  };
}

async function createPostgresDatabase(): Promise<TestDatabase> {
  if (!TEST_POSTGRES_URL) {
    throw new Error('TEST_DATABASE_URL is not set');
  }
  const name = `tracker_test_${randomBytes(6).toString('hex')}`;
  const admin = TEST_POSTGRES_URL;
  // A linguistic collation (where 'apple' sorts before 'Zebra'), so that a query relying on the
  // database's collation rather than byteOrder() answers differently from SQLite and a test fails.
  await withClient(admin, (client) =>
    client.query(`CREATE DATABASE "${name}" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`),
  );
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    url: url.toString(),
    directQuery: (sql, params = []) =>
      withClient(url.toString(), async (client) => (await client.query(numberedPlaceholders(sql), params)).rows),
    holdWriteLock: async () => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
      return async () => {
        await client.query('ROLLBACK');
        await client.end();
      };
    },
    // FORCE ends connections a failed test may have left open.
    drop: async () => {
      await withClient(admin, (client) => client.query(`DROP DATABASE "${name}" WITH (FORCE)`));
    },
  };
}
