import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { isPrintable } from '../common/validators.js';
import { byteOrder } from '../database/byte-order.js';
import { insertUnique } from '../database/insert-unique.js';
import { executeWrite, selectRows } from '../database/sql.js';
import { hasRows } from '../database/table-rows.js';
import type { ListItemsQuery } from './dto/list-items.query.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';
import { ItemEntity } from './item.entity.js';

const ITEM_BY_KEY = `
  SELECT "id", "slug", "title", "summary", "category", "proposed_by", "proposed_on", "source_url",
         "state", "state_since", "version", "created_at", "updated_at"
  FROM "items" WHERE "id" = :key OR "slug" = :key`;

const DESCRIPTIONS = 'SELECT "id", "slug", "title", "category", "proposed_by" AS "proposedBy" FROM "items"';

// Every item's id in the order of the primary key: the bounds of the slices a filtered list is counted in.
const ITEM_IDS = 'SELECT "id" FROM "items" ORDER BY "id"';
// Items counted at a time under a position filter: about 20 ms of SQL at 10,000 items.
const COUNT_SLICE = 500;

const COUNT_BY_STATE = 'SELECT "state", COUNT(*) AS "count" FROM "items" GROUP BY "state"';

const SORT_COLUMNS = {
  slug: 'item.slug',
  title: 'item.title',
  category: 'item.category',
  proposedBy: 'item.proposed_by',
  proposedOn: 'item.proposed_on',
  state: 'item.state',
  stateSince: 'item.state_since',
  createdAt: 'item.created_at',
  updatedAt: 'item.updated_at',
} as const;

export interface ItemRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  category: string;
  proposed_by: string;
  proposed_on: string;
  source_url: string | null;
  state: ItemEntity['state'];
  state_since: string;
  version: number | string;
  created_at: string;
  updated_at: string;
}

// What a report shows about an item besides its state, by item id.
export interface ItemSummary {
  readonly slug: string;
  readonly title: string;
  readonly category: string;
  readonly proposedBy: string;
}

export type ItemChanges = Partial<Omit<ItemEntity, 'id' | 'createdAt'>>;

// A party's current position on the item is its latest positioned event (the party's events with a
// stance: its assessments have none) not retracted (a party's
// positions only move forward in time, so the latest recorded is the latest in effect, and a
// correction cannot change a stance); found through IDX_history_events_party_item, each retraction
// through IDX_history_events_action_item.
const NOT_RETRACTED = (alias: string) => `NOT EXISTS (SELECT 1 FROM "history_events" "r"
    WHERE "r"."action" = 'retracted' AND "r"."item_id" = "${alias}"."item_id" AND "r"."retracts" = "${alias}"."seq")`;
const LATEST_POSITION = `(SELECT "latest"."stance" FROM "history_events" "latest"
  WHERE "latest"."party_id" = :partyId AND "latest"."item_id" = "item"."id" AND "latest"."stance" IS NOT NULL
    AND ${NOT_RETRACTED('latest')}
  ORDER BY "latest"."seq" DESC LIMIT 1)`;
const ANY_CURRENT_STANCE = `EXISTS (SELECT 1 FROM "history_events" "p"
  WHERE "p"."party_id" IS NOT NULL AND "p"."item_id" = "item"."id" AND "p"."stance" = :stance
    AND "p"."seq" = (SELECT MAX("q"."seq") FROM "history_events" "q"
                     WHERE "q"."party_id" = "p"."party_id" AND "q"."item_id" = "item"."id" AND "q"."stance" IS NOT NULL
                       AND ${NOT_RETRACTED('q')}))`;

// The items table's queries (the list's filter by a party's stance reads the positioned events
// too); the audit's and the transfer's reads of it are in their own repositories. Each method runs
// on the manager it is given: a transaction's, or the data source's own for a read outside one.
@Injectable()
export class ItemRepository {
  // Wherever a path says :key, the item's id or its slug both work. Every item request starts
  // here, so it is one prepared statement mapped by hand rather than a query builder and entity
  // hydration.
  async findByKey(manager: EntityManager, key: string): Promise<ItemEntity> {
    const row = isPrintable(key) ? (await selectRows<ItemRow>(manager, ITEM_BY_KEY, { key })).at(0) : undefined;
    if (!row) {
      throw new DomainError('item_not_found', `No item has the id or slug "${key}".`, { item: key });
    }
    return itemFromRow(row);
  }

  // One query for a whole batch; each item is found under its id and its slug.
  async findManyByKeys(manager: EntityManager, keys: readonly string[]): Promise<Map<string, ItemEntity>> {
    // A meeting's batch may hold positions and no outcomes, or the reverse.
    if (keys.length === 0) {
      return new Map();
    }
    const items = await manager
      .createQueryBuilder(ItemEntity, 'item')
      .where('item.id IN (:...keys) OR item.slug IN (:...keys)', { keys: [...new Set(keys)] })
      .getMany();
    return new Map(items.flatMap((item) => [[item.id, item] as const, [item.slug, item] as const]));
  }

  // A new item; a slug that is taken (found first, or caught by the unique index when two
  // instances race) is refused.
  insert(manager: EntityManager, item: ItemEntity): Promise<void> {
    return insertUnique(manager, ItemEntity, item, { slug: item.slug }, () => slugTaken(item.slug));
  }

  // The UPDATE is guarded by the version the caller read: if another writer got there first,
  // nothing is written and the answer is false (TypeORM's own optimistic lock only checks on reads).
  async updateAtVersion(manager: EntityManager, item: ItemEntity, set: ItemChanges): Promise<boolean> {
    const columns = manager.dataSource.getMetadata(ItemEntity);
    const assignments = Object.keys(set).map((field) => {
      const column = columns.findColumnWithPropertyName(field);
      if (!column) {
        throw new Error(`ItemEntity has no column for ${field}`);
      }
      return `"${column.databaseName}" = :${field}`;
    });
    // Plain SQL rather than the update query builder, which inlines numbers (the version) into
    // the text and so defeats the prepared-statement cache on every write.
    const changed = await executeWrite(
      manager,
      `UPDATE "items" SET ${assignments.join(', ')} WHERE "id" = :whereId AND "version" = :whereVersion`,
      { ...set, whereId: item.id, whereVersion: item.version },
    );
    return changed === 1;
  }

  // A page of the item list, filtered and sorted as asked, with the total of the filtered list.
  // The party filter takes the party's id (the query names it by slug or id).
  async page(manager: EntityManager, query: ListItemsQuery, partyId?: string): Promise<[ItemEntity[], number]> {
    const dataSource = manager.dataSource;
    const builder = manager.createQueryBuilder(ItemEntity, 'item');
    if (query.state) {
      builder.andWhere('item.state = :state', { state: query.state });
    }
    if (query.category) {
      builder.andWhere('item.category = :category', { category: query.category });
    }
    if (query.proposedBy) {
      builder.andWhere('item.proposed_by = :proposedBy', { proposedBy: query.proposedBy });
    }
    if (query.q) {
      // Wildcards typed by the user are literal text.
      const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(
        "(LOWER(item.title) LIKE :pattern ESCAPE '\\' OR LOWER(item.summary) LIKE :pattern ESCAPE '\\')",
        {
          pattern,
        },
      );
    }
    if (partyId && query.stance) {
      builder.andWhere(`${LATEST_POSITION} = :stance`, { partyId, stance: query.stance });
    } else if (partyId) {
      builder.andWhere(`${LATEST_POSITION} IS NOT NULL`, { partyId });
    } else if (query.stance) {
      builder.andWhere(ANY_CURRENT_STANCE, { stance: query.stance });
    }
    const sort = query.sort ?? 'slug';
    const descending = sort.startsWith('-');
    const column = SORT_COLUMNS[(descending ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS];
    const counted = builder.clone();
    builder
      .orderBy(byteOrder(dataSource, column), descending ? 'DESC' : 'ASC')
      .addOrderBy(byteOrder(dataSource, 'item.id'), 'ASC')
      .take(query.limit ?? 50)
      .skip(query.offset ?? 0);
    if ((partyId || query.stance) && dataSource.options.type !== 'postgres') {
      return [await builder.getMany(), await this.countInSlices(manager, counted)];
    }
    return builder.getManyAndCount();
  }

  // A position filter is evaluated per item from its history: over every item it is hundreds of ms
  // of SQL, which better-sqlite3 runs on the event loop that answers every request. The total is
  // counted COUNT_SLICE items at a time (ranges of the primary key), with a turn of the event loop
  // between slices, so that no slice holds it for long. (PostgreSQL answers asynchronously.)
  private async countInSlices(manager: EntityManager, filtered: SelectQueryBuilder<ItemEntity>): Promise<number> {
    const ids = (await selectRows<{ id: string }>(manager, ITEM_IDS)).map((row) => row.id);
    let total = 0;
    for (let start = 0; start < ids.length; start += COUNT_SLICE) {
      const slice = filtered.clone().andWhere('item.id >= :sliceFrom', { sliceFrom: ids[start] });
      const end = ids.at(start + COUNT_SLICE);
      if (end !== undefined) {
        slice.andWhere('item.id < :sliceTo', { sliceTo: end });
      }
      total += await slice.getCount();
      await new Promise((turn) => setImmediate(turn));
    }
    return total;
  }

  // The states that hold items now, each with its count: one pass over the table.
  async countByState(manager: EntityManager): Promise<{ state: WorkflowState; count: number }[]> {
    const rows = await selectRows<{ state: WorkflowState; count: number | string }>(manager, COUNT_BY_STATE);
    return rows.map(({ state, count }) => ({ state, count: Number(count) }));
  }

  async isEmpty(manager: EntityManager): Promise<boolean> {
    return !(await hasRows(manager, ItemEntity));
  }

  // Read model for the reports: every item's description as it is now, by id.
  async summaries(manager: EntityManager): Promise<Map<string, ItemSummary>> {
    const rows = await selectRows<ItemSummary & { id: string }>(manager, DESCRIPTIONS);
    return new Map(rows.map(({ id, ...summary }) => [id, summary]));
  }
}

export function itemFromRow(row: ItemRow): ItemEntity {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    category: row.category,
    proposedBy: row.proposed_by,
    proposedOn: row.proposed_on,
    sourceUrl: row.source_url,
    state: row.state,
    stateSince: row.state_since,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function slugTaken(slug: string): DomainError {
  return new DomainError('slug_taken', `The slug "${slug}" is already taken.`, { slug });
}
