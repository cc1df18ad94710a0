import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../src/config/app-config.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { runMigrations } from '../src/database/run-migrations.js';
import { selectRows, selectTuples } from '../src/database/sql.js';
import { makeItem } from './support/factories.js';
import { bearer, startTestAppPerSuite, type TestApp } from './support/test-app.js';
import { createTestDatabase, TEST_DATABASE_KIND, type TestDatabaseKind } from './support/test-database.js';

// What each database must be set to for the service's guarantees.
const SETTINGS: Record<TestDatabaseKind, (t: TestApp) => Promise<void>> = {
  sqlite: async (t) => {
    // WAL mode with foreign keys on and a busy timeout.
    expect((await t.query('PRAGMA journal_mode'))[0].journal_mode).toBe('wal');
    expect((await t.query('PRAGMA foreign_keys'))[0].foreign_keys).toBe(1);
    expect((await t.query('PRAGMA busy_timeout'))[0].timeout).toBeGreaterThanOrEqual(5000);
  },
  postgres: async (t) => {
    // The items search writes LIKE … ESCAPE '\', which needs standard strings; a writer waits
    // for the write lock no longer than SQLite's busy timeout.
    expect((await t.query('SHOW standard_conforming_strings'))[0].standard_conforming_strings).toBe('on');
    expect((await t.query('SHOW lock_timeout'))[0].lock_timeout).toBe('5s');
    expect((await t.query('SHOW server_encoding'))[0].server_encoding).toBe('UTF8');
  },
};

describe('the database', () => {
  const t = startTestAppPerSuite();

  it('is built by the migrations, and the entities have not drifted from them', async () => {
    const migrations = await t.query('SELECT name FROM migrations');
    expect(migrations.length).toBeGreaterThan(0);
    // What TypeORM would change to make the schema match the entities: nothing.
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it(`has the settings the service relies on, on ${TEST_DATABASE_KIND}`, async () => {
    await SETTINGS[TEST_DATABASE_KIND](t);
  });

  it('answers rows as arrays of their columns, in order, as selectRows answers objects, in a transaction too', async () => {
    await makeItem(t);
    await makeItem(t);
    const sql = 'SELECT "slug", "title", NULL AS "none" FROM "items" WHERE "slug" <> :not ORDER BY "slug"';
    const objects = await selectRows<{ slug: string; title: string; none: null }>(t.dataSource.manager, sql, {
      not: '',
    });
    const expected = objects.map((row) => [row.slug, row.title, null]);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(await selectTuples(t.dataSource.manager, sql, { not: '' })).toEqual(expected);
    expect(await t.dataSource.transaction((manager) => selectTuples(manager, sql, { not: '' }))).toEqual(expected);
  });

  it('refuses to change or remove history events, even from another connection', async () => {
    await makeItem(t);
    const refused = ['UPDATE history_events SET reason = ?', 'DELETE FROM history_events'];
    if (t.database.kind === 'postgres') {
      refused.push('TRUNCATE history_events');
    }
    for (const statement of refused) {
      const params = statement.includes('?') ? ['rewritten'] : [];
      // Matched by message: the native driver's errors may come from another realm than Jest's Error.
      await expect(t.database.directQuery(statement, params)).rejects.toHaveProperty(
        'message',
        expect.stringMatching(/append-only/),
      );
    }
    const events = await t.database.directQuery('SELECT reason FROM history_events');
    expect(events.length).toBeGreaterThan(0);
    expect(events).not.toContainEqual({ reason: 'rewritten' });
  });

  it('answers 503 database_busy to a writer kept waiting for the write lock, and writes nothing', async () => {
    const item = await makeItem(t);
    const release = await t.database.holdWriteLock();
    try {
      const response = await t.api
        .post(`/api/items/${item.slug}/transitions`)
        .set(...bearer())
        .send({ to: 'under_discussion' })
        .expect(503);
      expect(response.body.type).toContain('database-busy');
    } finally {
      await release();
    }
    const history = await t.query('SELECT seq FROM history_events WHERE item_id = ?', [item.id]);
    expect(history).toHaveLength(1);
  });

  it('migrates an empty database from the same class list outside Nest, once for two instances', async () => {
    const empty = await createTestDatabase(t.database.kind);
    const instances = [1, 2].map(() => new DataSource(dataSourceOptions(parseDatabaseUrl(empty.url))));
    await Promise.all(instances.map((instance) => instance.initialize()));
    try {
      expect(await instances[0].showMigrations()).toBe(true);
      if (t.database.kind === 'postgres') {
        // Both at once: without the migration lock, one of the two fails on the other's tables.
        await Promise.all(instances.map(runMigrations));
      } else {
        // SQLite serves one process; a second one (the CLI) starts on a migrated file.
        for (const instance of instances) {
          await runMigrations(instance);
        }
      }
      for (const instance of instances) {
        expect(await instance.showMigrations()).toBe(false);
      }
      const applied = await instances[0].query('SELECT name FROM migrations');
      expect(applied).toHaveLength(instances[0].migrations.length);
    } finally {
      await Promise.all(instances.map((instance) => instance.destroy()));
      await empty.drop();
    }
  });
});
