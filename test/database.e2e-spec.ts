import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { makeItem } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('the database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is built by the migrations, and the entities have not drifted from them', async () => {
    const migrations = await t.dataSource.query('SELECT name FROM migrations');
    expect(migrations.length).toBeGreaterThan(0);
    // What TypeORM would change to make the schema match the entities: nothing.
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('runs in WAL mode with foreign keys on and a busy timeout', async () => {
    expect((await t.dataSource.query('PRAGMA journal_mode'))[0].journal_mode).toBe('wal');
    expect((await t.dataSource.query('PRAGMA foreign_keys'))[0].foreign_keys).toBe(1);
    expect((await t.dataSource.query('PRAGMA busy_timeout'))[0].timeout).toBeGreaterThanOrEqual(5000);
  });

  it('refuses UPDATE and DELETE on history events, even from another connection', async () => {
    await makeItem(t);
    const direct = new Database(t.databasePath);
    try {
      expect(() => direct.prepare("UPDATE history_events SET reason = 'rewritten'").run()).toThrow(/append-only/);
      expect(() => direct.prepare('DELETE FROM history_events').run()).toThrow(/append-only/);
      expect(direct.prepare('SELECT COUNT(*) AS n FROM history_events WHERE reason = ?').get('rewritten')).toEqual({
        n: 0,
      });
    } finally {
      direct.close();
    }
  });

  it('migrates an empty database from the same class list outside Nest', async () => {
    const dataSource = new DataSource(dataSourceOptions({ type: 'sqlite', path: ':memory:' }));
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations();
      expect(applied.length).toBeGreaterThan(0);
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });
});
