import type { Database, Statement } from 'better-sqlite3';
import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';

export type SqlParameters = Readonly<Record<string, unknown>>;

interface PositionalSql {
  readonly text: string;
  // The parameter name behind each placeholder, in order.
  readonly names: readonly string[];
}

const compiled = new Map<string, PositionalSql>();

// Hand-written SQL with :named parameters, for the hot paths where building the query with the
// query builder and hydrating entities costs more than running the query. The text is turned
// into the driver's placeholders (? on SQLite, $1… on PostgreSQL) once per statement, and stays
// the same for every call, so the driver's prepared-statement cache keeps it.
export function selectRows<T>(manager: EntityManager, sql: string, parameters: SqlParameters = {}): Promise<T[]> {
  const { text, values } = bind(manager, sql, parameters);
  return manager.query<T[]>(text, values);
}

// Statements that answer arrays, by SQLite connection and text: apart from TypeORM's cache of
// statements, whose rows are objects.
const tupleStatements = new WeakMap<Database, Map<string, Statement<unknown[], unknown[]>>>();

// selectRows with each row an array of its columns, in the order selected, for the reads of tens of
// thousands of rows: better-sqlite3 sets each column of a row object from C++, which costs more than
// the query (a year of transitions, 28,000 rows of ten columns: 60 ms as objects, 40 as arrays).
// Run on the manager's connection (its transaction's, if any), outside TypeORM's query logging.
export async function selectTuples<T extends unknown[]>(
  manager: EntityManager,
  sql: string,
  parameters: SqlParameters = {},
): Promise<T[]> {
  const { text, values } = bind(manager, sql, parameters);
  const runner = manager.queryRunner ?? manager.dataSource.createQueryRunner();
  try {
    if (manager.dataSource.options.type === 'postgres') {
      const client = (await runner.connect()) as PoolClient;
      return (await client.query<T>({ text, values, rowMode: 'array' })).rows;
    }
    const database = (await runner.connect()) as Database;
    let statements = tupleStatements.get(database);
    if (!statements) {
      statements = new Map();
      tupleStatements.set(database, statements);
    }
    let statement = statements.get(text);
    if (!statement) {
      statement = database.prepare<unknown[], unknown[]>(text).raw(true);
      statements.set(text, statement);
    }
    return statement.all(...values) as T[];
  } finally {
    if (runner !== manager.queryRunner) {
      await runner.release();
    }
  }
}

// A write inside the caller's transaction; answers the number of rows it changed.
export async function executeWrite(manager: EntityManager, sql: string, parameters: SqlParameters): Promise<number> {
  if (!manager.queryRunner) {
    throw new Error('executeWrite needs the manager of a transaction');
  }
  const { text, values } = bind(manager, sql, parameters);
  const result = await manager.queryRunner.query(text, values, true);
  return result.affected ?? 0;
}

function bind(manager: EntityManager, sql: string, parameters: SqlParameters): { text: string; values: unknown[] } {
  const postgres = manager.dataSource.options.type === 'postgres';
  const key = `${postgres ? 'pg' : 'sqlite'}:${sql}`;
  let positional = compiled.get(key);
  if (!positional) {
    positional = toPositional(sql, postgres);
    compiled.set(key, positional);
  }
  return {
    text: positional.text,
    values: positional.names.map((name) => {
      if (!(name in parameters)) {
        throw new Error(`SQL parameter :${name} has no value`);
      }
      return parameters[name];
    }),
  };
}

export function toPositional(sql: string, postgres: boolean): PositionalSql {
  const names: string[] = [];
  // A name used twice is bound twice on SQLite, and reuses its number on PostgreSQL.
  const text = sql.replace(/(?<!:):([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    if (!postgres) {
      names.push(name);
      return '?';
    }
    const index = names.includes(name) ? names.indexOf(name) : names.push(name) - 1;
    return `$${index + 1}`;
  });
  return { text, names };
}
