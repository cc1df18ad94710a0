import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { selectRows } from '../database/sql.js';
import { findItemByKey } from '../items/item-lookup.js';
import { presentHistoryEvent, type HistoryEventRow } from './history-event.presenter.js';
import type { HistoryPage } from './history-event.view.js';
import { DEFAULT_HISTORY_PAGE, type HistoryPageQuery } from './dto/history-page.query.js';

const ITEM_HISTORY = `
  SELECT e."id", e."seq", e."action", e."from_state", e."to_state", e."changes", e."reason",
         e."effective_on", e."source", e."batch_id", e."actor", e."recorded_at", e."hash",
         m."slug" AS "meeting_slug"
  FROM "history_events" e LEFT JOIN "meetings" m ON m."id" = e."meeting_id"
  WHERE e."item_id" = :itemId AND e."seq" > :after
  ORDER BY e."seq" ASC
  LIMIT :rows`;

@Injectable()
export class HistoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async itemHistory(key: string, page: HistoryPageQuery): Promise<HistoryPage> {
    const item = await findItemByKey(this.dataSource.manager, key);
    const limit = page.limit ?? DEFAULT_HISTORY_PAGE;
    // One row more than the page shows, to know whether there is a next page.
    const rows = await selectRows<Omit<HistoryEventRow, 'item_slug'>>(this.dataSource.manager, ITEM_HISTORY, {
      itemId: item.id,
      after: page.after ?? 0,
      rows: limit + 1,
    });
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      data: shown.map((row) => presentHistoryEvent({ ...row, item_slug: item.slug })),
      next:
        rows.length > limit && last
          ? `/api/items/${encodeURIComponent(item.slug)}/history?after=${Number(last.seq)}&limit=${limit}`
          : null,
    };
  }
}
