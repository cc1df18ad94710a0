import { setImmediate } from 'node:timers/promises';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { HistoryEventEntity } from '../history/history-event.entity.js';
import { ItemEntity } from '../items/item.entity.js';
import type { AuditProblemView, AuditReport } from './audit-report.view.js';
import type { Checkpoint } from './checkpoint.js';
import { explainFinding, type ChainLookups } from './finding-explanation.js';
import {
  HistoryChainCheck,
  type ChainProblem,
  type Finding,
  type StoredEvent,
  type StoredItem,
} from './history-chain-check.js';

// Rows per query: large enough that query overhead vanishes, small enough to keep memory flat.
const BATCH_SIZE = 5000;

const EVENT_FIELDS = [
  'id',
  'itemId',
  'seq',
  'action',
  'fromState',
  'toState',
  'changes',
  'reason',
  'effectiveOn',
  'meetingId',
  'source',
  'batchId',
  'actor',
  'recordedAt',
  'prevHash',
  'hash',
  'partyId',
  'stance',
] as const;

const ITEM_FIELDS = ['id', 'slug', 'state', 'stateSince', 'version'] as const;

// Reads the whole history in id order, batch by batch, checking every hash, link and item sequence,
// then every item row against its history. Call it inside one read transaction (a snapshot).
export async function auditHistory(manager: EntityManager, checkpoints: readonly Checkpoint[]): Promise<AuditReport> {
  const check = new HistoryChainCheck(checkpoints);
  const finding =
    (await firstFinding(eventBatches(manager), (event) => check.event(event))) ??
    check.end() ??
    (await firstFinding(itemBatches(manager), (item) => check.item(item))) ??
    check.itemsWithoutRow();
  if (!finding) {
    return { ok: true, events: check.events, head: check.head, checkpoints: [...checkpoints] };
  }
  return { ok: false, events: check.events, firstProblem: await describe(manager, finding) };
}

async function firstFinding<Row>(
  batches: AsyncIterable<Row[]>,
  visit: (row: Row) => Finding | undefined,
): Promise<Finding | undefined> {
  for await (const batch of batches) {
    for (const row of batch) {
      const finding = visit(row);
      if (finding) {
        return finding;
      }
    }
  }
  return undefined;
}

// Keyset pagination (`WHERE id > :last ORDER BY id LIMIT n`): each batch costs the same however
// far into the history it is, on SQLite and PostgreSQL alike.
async function* keysetBatches<Row extends { id: Key }, Key>(
  query: () => SelectQueryBuilder<ObjectLiteral>,
  alias: string,
  convert: (raw: Record<string, unknown>) => Row,
): AsyncGenerator<Row[]> {
  let last: Key | undefined;
  for (;;) {
    const builder = query().orderBy(`${alias}.id`, 'ASC').limit(BATCH_SIZE);
    if (last !== undefined) {
      builder.where(`${alias}.id > :last`, { last });
    }
    const rows = (await builder.getRawMany<Record<string, unknown>>()).map(convert);
    if (rows.length > 0) {
      yield rows;
    }
    if (rows.length < BATCH_SIZE) {
      return;
    }
    last = rows[rows.length - 1].id;
    // better-sqlite3 answers synchronously, so without a pause the whole audit would hold the event
    // loop for seconds; between batches other requests are served (reads see committed data, and
    // writes wait in the queue behind this snapshot).
    await setImmediate();
  }
}

function eventBatches(manager: EntityManager): AsyncGenerator<StoredEvent[]> {
  return keysetBatches(
    () => selectFields(manager.createQueryBuilder(HistoryEventEntity, 'e'), 'e', EVENT_FIELDS),
    'e',
    (raw) => ({
      ...(raw as unknown as StoredEvent),
      // PostgreSQL may answer numbers as strings; the hash covers seq as a JSON number.
      id: Number(raw.id),
      seq: Number(raw.seq),
    }),
  );
}

function itemBatches(manager: EntityManager): AsyncGenerator<StoredItem[]> {
  return keysetBatches(
    () => selectFields(manager.createQueryBuilder(ItemEntity, 'i'), 'i', ITEM_FIELDS),
    'i',
    (raw) => ({ ...(raw as unknown as StoredItem), version: Number(raw.version) }),
  );
}

// Raw rows keyed by property name, without building entities: the hot path of the audit.
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

async function describe(manager: EntityManager, finding: Finding): Promise<AuditProblemView> {
  const { itemId, ...problem }: ChainProblem = await explainFinding(finding, databaseLookups(manager));
  if (itemId === undefined) {
    return problem;
  }
  const item = await manager
    .createQueryBuilder(ItemEntity, 'i')
    .select('i.slug', 'slug')
    .where('i.id = :itemId', { itemId })
    .getRawOne<{ slug: string }>();
  return { ...problem, item: item?.slug ?? itemId };
}

function databaseLookups(manager: EntityManager): ChainLookups {
  const eventId = async (where: string, parameters: Record<string, unknown>) => {
    const row = await manager
      .createQueryBuilder(HistoryEventEntity, 'e')
      .select('e.id', 'id')
      .where(where, parameters)
      .getRawOne<{ id: number | string }>();
    return row === undefined ? undefined : Number(row.id);
  };
  return {
    eventIdWithHash: (hash) => eventId('e.hash = :hash', { hash }),
    eventIdOfItemSeq: (itemId, seq) => eventId('e.itemId = :itemId AND e.seq = :seq', { itemId, seq }),
  };
}
