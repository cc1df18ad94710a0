import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { byteOrder } from '../database/byte-order.js';
import { selectRows } from '../database/sql.js';
import type { ListItemsQuery } from './dto/list-items.query.js';
import { ItemEntity } from './item.entity.js';

// Every item's id in the order of the primary key: the bounds of the slices a filtered list is counted in.
const ITEM_IDS = 'SELECT "id" FROM "items" ORDER BY "id"';
// Items counted at a time under a position filter: about 20 ms of SQL at 10,000 items.
const COUNT_SLICE = 500;

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

// Read model of the item list: items filtered and sorted, by their parties' current stances too
// (the positioned events of history_events); the items table's own queries are in item.repository.ts.
@Injectable()
export class ItemListRepository {
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
}
