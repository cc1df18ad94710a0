import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { isPrintable } from '../common/validators.js';
import { selectRows } from '../database/sql.js';
import type { ItemEntity } from './item.entity.js';

const ITEM_BY_KEY = `
  SELECT "id", "slug", "title", "summary", "category", "proposed_by", "proposed_on", "source_url",
         "state", "state_since", "version", "created_at", "updated_at"
  FROM "items" WHERE "id" = :key OR "slug" = :key`;

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

// Wherever a path says :key, the item's id or its slug both work. Every item request starts here,
// so it is one prepared statement mapped by hand rather than a query builder and entity hydration.
export async function findItemByKey(manager: EntityManager, key: string): Promise<ItemEntity> {
  const [row] = isPrintable(key) ? await selectRows<ItemRow>(manager, ITEM_BY_KEY, { key }) : [];
  if (!row) {
    throw new DomainError('item_not_found', `No item has the id or slug "${key}".`, { item: key });
  }
  return itemFromRow(row);
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
