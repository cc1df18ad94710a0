import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { byteOrder } from '../database/byte-order.js';
import type { Stance } from '../parties/stance.js';
import type { ListItemsQuery } from './dto/list-items.query.js';
import { ItemEntity } from './item.entity.js';

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

// A party's current position on the item is its latest positioned event (positions only move
// forward in time, so the latest recorded is the latest in effect); found through
// IDX_history_events_party_item.
const LATEST_POSITION = `(SELECT "latest"."stance" FROM "history_events" "latest"
  WHERE "latest"."party_id" = :partyId AND "latest"."item_id" = "item"."id"
  ORDER BY "latest"."seq" DESC LIMIT 1)`;
const ANY_CURRENT_STANCE = `EXISTS (SELECT 1 FROM "history_events" "p"
  WHERE "p"."party_id" IS NOT NULL AND "p"."item_id" = "item"."id" AND "p"."stance" = :stance
    AND "p"."seq" = (SELECT MAX("q"."seq") FROM "history_events" "q"
                     WHERE "q"."party_id" = "p"."party_id" AND "q"."item_id" = "item"."id"))`;

export interface ItemListFilter extends Omit<ListItemsQuery, 'party'> {
  // The party, resolved to its id.
  readonly partyId?: string;
  readonly stance?: Stance;
}

export interface ItemListPage {
  readonly items: ItemEntity[];
  readonly total: number;
}

@Injectable()
export class ItemsRepository {
  // One query for a whole batch, each item found under its id and its slug.
  async byKeys(manager: EntityManager, keys: readonly string[]): Promise<Map<string, ItemEntity>> {
    if (keys.length === 0) {
      return new Map();
    }
    const items = await manager
      .createQueryBuilder(ItemEntity, 'item')
      .where('item.id IN (:...keys) OR item.slug IN (:...keys)', { keys })
      .getMany();
    return new Map(items.flatMap((item) => [[item.id, item] as const, [item.slug, item] as const]));
  }

  async page(dataSource: DataSource, filter: ItemListFilter, limit: number, offset: number): Promise<ItemListPage> {
    const builder = dataSource.createQueryBuilder(ItemEntity, 'item');
    if (filter.state) {
      builder.andWhere('item.state = :state', { state: filter.state });
    }
    if (filter.category) {
      builder.andWhere('item.category = :category', { category: filter.category });
    }
    if (filter.proposedBy) {
      builder.andWhere('item.proposed_by = :proposedBy', { proposedBy: filter.proposedBy });
    }
    if (filter.q) {
      // Wildcards typed by the user are literal text.
      const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(
        "(LOWER(item.title) LIKE :pattern ESCAPE '\\' OR LOWER(item.summary) LIKE :pattern ESCAPE '\\')",
        {
          pattern,
        },
      );
    }
    if (filter.partyId && filter.stance) {
      builder.andWhere(`${LATEST_POSITION} = :stance`, { partyId: filter.partyId, stance: filter.stance });
    } else if (filter.partyId) {
      builder.andWhere(`${LATEST_POSITION} IS NOT NULL`, { partyId: filter.partyId });
    } else if (filter.stance) {
      builder.andWhere(ANY_CURRENT_STANCE, { stance: filter.stance });
    }
    const sort = filter.sort ?? 'slug';
    const descending = sort.startsWith('-');
    const column = SORT_COLUMNS[(descending ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS];
    builder
      .orderBy(byteOrder(dataSource, column), descending ? 'DESC' : 'ASC')
      .addOrderBy(byteOrder(dataSource, 'item.id'), 'ASC');
    const [items, total] = await builder.take(limit).skip(offset).getManyAndCount();
    return { items, total };
  }
}
