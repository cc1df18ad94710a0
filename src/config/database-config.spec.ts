import { ConfigError, loadConfig } from './app-config.js';

describe('the database settings', () => {
  it('reads a postgres:// URL with the default pool of 10 connections', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://tracker:secret@db.internal:5432/tracker' }).database).toEqual({
      type: 'postgres',
      url: 'postgres://tracker:secret@db.internal:5432/tracker',
      poolSize: 10,
    });
  });

  it('takes the pool size from DATABASE_POOL_SIZE', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://db.internal/tracker', DATABASE_POOL_SIZE: '25' });
    expect(config.database).toMatchObject({ type: 'postgres', poolSize: 25 });
  });

  it.each(['0', '-1', '2.5', 'ten', '1001'])('refuses DATABASE_POOL_SIZE=%s, naming it', (value) => {
    expect(() => loadConfig({ DATABASE_POOL_SIZE: value })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: value })).toThrow(/^DATABASE_POOL_SIZE: /);
  });

  it('never repeats a password in its complaint about a bad URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://tracker:hunter2@[bad/tracker' })).toThrow(/tracker:\*\*\*@/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://tracker:hunter2@[bad/tracker' })).not.toThrow(/hunter2/);
  });
});
