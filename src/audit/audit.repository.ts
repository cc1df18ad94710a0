import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { selectRows } from '../database/sql.js';
import { rawKeysetBatches } from '../database/table-rows.js';
import { GENESIS_HASH } from '../history/event-hash.js';
import { HistoryEventEntity } from '../history/history-event.entity.js';
import { ItemEntity } from '../items/item.entity.js';
import type { StoredEvent, StoredItem } from './history-chain-check.js';

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
  'corrects',
  'retracts',
  'prevHash',
  'hash',
  'partyId',
  'stance',
  'score',
] as const;
const ITEM_FIELDS = ['id', 'slug', 'state', 'stateSince', 'version'] as const;

const HASH_OF_EVENT_NUMBER = 'SELECT "hash" FROM "history_events" ORDER BY "id" LIMIT 1 OFFSET :offset';
const ID_WITH_HASH = 'SELECT "id" FROM "history_events" WHERE "hash" = :hash';
const ID_OF_ITEM_SEQ = 'SELECT "id" FROM "history_events" WHERE "item_id" = :itemId AND "seq" = :seq';
const SLUG_OF = 'SELECT "slug" FROM "items" WHERE "id" = :id';

// An item row as the audit compares it with the item's history.
export interface ItemAuditRow extends StoredItem {
  readonly slug: string;
}

// The audit's read model: the whole history and every item row in id order, in batches, and what
// naming a finding asks of them. The history's writes stay in HistoryRepository.
@Injectable()
export class AuditRepository {
  eventBatches(manager: EntityManager): AsyncGenerator<StoredEvent[]> {
    return rawKeysetBatches(manager, HistoryEventEntity, EVENT_FIELDS, (raw) => ({
      ...(raw as unknown as StoredEvent),
      // PostgreSQL may answer numbers as strings; the hash covers seq as a JSON number.
      id: Number(raw.id),
      seq: Number(raw.seq),
      corrects: nullableNumber(raw.corrects),
      retracts: nullableNumber(raw.retracts),
    }));
  }

  itemBatches(manager: EntityManager): AsyncGenerator<ItemAuditRow[]> {
    return rawKeysetBatches(manager, ItemEntity, ITEM_FIELDS, (raw) => ({
      ...(raw as unknown as ItemAuditRow),
      version: Number(raw.version),
    }));
  }

  // The hash of the history's `count`-th event in id order (an edition's head), if it has that many.
  async hashOfEventNumber(manager: EntityManager, count: number): Promise<string | undefined> {
    if (count < 1) {
      return count === 0 ? GENESIS_HASH : undefined;
    }
    return (await selectRows<{ hash: string }>(manager, HASH_OF_EVENT_NUMBER, { offset: count - 1 })).at(0)?.hash;
  }

  async eventIdWithHash(manager: EntityManager, hash: string): Promise<number | undefined> {
    const row = (await selectRows<{ id: number | string }>(manager, ID_WITH_HASH, { hash })).at(0);
    return row === undefined ? undefined : Number(row.id);
  }

  async eventIdOfItemSeq(manager: EntityManager, itemId: string, seq: number): Promise<number | undefined> {
    const row = (await selectRows<{ id: number | string }>(manager, ID_OF_ITEM_SEQ, { itemId, seq })).at(0);
    return row === undefined ? undefined : Number(row.id);
  }

  async itemSlug(manager: EntityManager, id: string): Promise<string | undefined> {
    return (await selectRows<{ slug: string }>(manager, SLUG_OF, { id })).at(0)?.slug;
  }
}

function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
