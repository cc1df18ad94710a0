import { setImmediate } from 'node:timers/promises';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { byteOrder } from './byte-order.js';

// Whole-table reads and writes that the repositories share: the audit's and the transfer's keyset
// batches, and the transfer's multi-row inserts. Each repository says which table and columns.

// Rows per query for the audit: large enough that query overhead vanishes, small enough to keep memory flat.
export const AUDIT_BATCH_SIZE = 5000;

// Keyset pagination (`WHERE id > :last ORDER BY id LIMIT n`): each batch costs the same however
// far into the table it is, on SQLite and PostgreSQL alike. Raw rows keyed by property name,
// without building entities: the hot path of the audit.
export async function* rawKeysetBatches<Entity extends ObjectLiteral, Row extends { id: Key }, Key>(
  manager: EntityManager,
  entity: EntityTarget<Entity>,
  fields: readonly string[],
  convert: (raw: Record<string, unknown>) => Row,
): AsyncGenerator<Row[]> {
  let last: Key | undefined;
  for (;;) {
    const builder = selectFields(manager.createQueryBuilder(entity, 'row'), 'row', fields)
      .orderBy('row.id', 'ASC')
      .limit(AUDIT_BATCH_SIZE);
    if (last !== undefined) {
      builder.where('row.id > :last', { last });
    }
    const rows = (await builder.getRawMany<Record<string, unknown>>()).map(convert);
    if (rows.length > 0) {
      yield rows;
    }
    if (rows.length < AUDIT_BATCH_SIZE) {
      return;
    }
    last = rows[rows.length - 1].id;
    // better-sqlite3 answers synchronously, so without a pause a whole audit would hold the event
    // loop for seconds; between batches other requests are served (reads see committed data, and
    // writes wait in the queue behind this snapshot).
    await setImmediate();
  }
}

function selectFields<Entity extends ObjectLiteral>(
  builder: SelectQueryBuilder<Entity>,
  alias: string,
  fields: readonly string[],
): SelectQueryBuilder<Entity> {
  const [first, ...rest] = fields;
  builder.select(`${alias}.${first}`, first);
  for (const field of rest) {
    builder.addSelect(`${alias}.${field}`, field);
  }
  return builder;
}

// Entities in id order, a page at a time (keyset pagination: no OFFSET scans); text ids in byte
// order, so that an export is the same from either database.
export async function* entityPages<T extends ObjectLiteral & { id: string | number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  textId: boolean,
  pageSize: number,
): AsyncGenerator<T> {
  const id = textId ? byteOrder(manager.dataSource, 'row.id') : 'row.id';
  let after: unknown;
  for (;;) {
    const query = manager.createQueryBuilder(entity, 'row').orderBy(id, 'ASC').limit(pageSize);
    if (after !== undefined) {
      query.where(`${id} > :after`, { after });
    }
    const rows = await query.getMany();
    yield* rows;
    if (rows.length < pageSize) {
      return;
    }
    after = rows[rows.length - 1].id;
  }
}

// Every column named, generated ids too: an import keeps them as they were.
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  columns: readonly string[],
  rows: readonly T[],
): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(entity, [...columns])
    .values([...rows])
    .updateEntity(false)
    .execute();
}

export function hasRows(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): Promise<boolean> {
  return manager.exists(entity);
}
