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
  const postgres = manager.connection.options.type === 'postgres';
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
