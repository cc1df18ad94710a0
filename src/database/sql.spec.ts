import { toPositional } from './sql.js';

describe('toPositional', () => {
  const sql = 'SELECT "id" FROM "items" WHERE "id" = :key OR "slug" = :key AND "version" > :version';

  it('binds every :name in order on SQLite, a name used twice twice', () => {
    expect(toPositional(sql, false)).toEqual({
      text: 'SELECT "id" FROM "items" WHERE "id" = ? OR "slug" = ? AND "version" > ?',
      names: ['key', 'key', 'version'],
    });
  });

  it('numbers each name once on PostgreSQL', () => {
    expect(toPositional(sql, true)).toEqual({
      text: 'SELECT "id" FROM "items" WHERE "id" = $1 OR "slug" = $1 AND "version" > $2',
      names: ['key', 'version'],
    });
  });

  it('leaves PostgreSQL casts alone', () => {
    expect(toPositional('SELECT :day::date AS "day"', true)).toEqual({
      text: 'SELECT $1::date AS "day"',
      names: ['day'],
    });
  });
});
