import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { isPrintable } from '../common/validators.js';
import { insertUnique } from '../database/insert-unique.js';
import { executeWrite, selectRows } from '../database/sql.js';
import { hasRows } from '../database/table-rows.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';
import { ItemEntity } from './item.entity.js';

const ITEM_BY_KEY = `
  SELECT "id", "slug", "title", "summary", "category", "proposed_by", "proposed_on", "source_url",
         "state", "state_since", "version", "created_at", "updated_at"
  FROM "items" WHERE "id" = :key OR "slug" = :key`;

const DESCRIPTIONS = 'SELECT "id", "slug", "title", "category", "proposed_by" AS "proposedBy" FROM "items"';

const COUNT_BY_STATE = 'SELECT "state", COUNT(*) AS "count" FROM "items" GROUP BY "state"';

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

// The items table's queries; the list (items filtered by their parties' current stances too) is
// item-list.repository.ts, and the audit's and the transfer's reads of the table are in their own
// repositories. Each method runs on the manager it is given: a transaction's, or the data source's
// own for a read outside one.
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
