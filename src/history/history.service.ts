import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { selectRows } from '../database/sql.js';
import { findItemByKey } from '../items/item-lookup.js';
import { presentHistoryEvent, type HistoryEventRow } from './history-event.presenter.js';
import type { HistoryPage } from './history-event.view.js';

const ITEM_HISTORY = `
  SELECT e."id", e."seq", e."action", e."from_state", e."to_state", e."changes", e."reason",
         e."effective_on", e."source", e."batch_id", e."actor", e."recorded_at", e."hash",
         m."slug" AS "meeting_slug", p."slug" AS "party_slug", e."stance"
  FROM "history_events" e LEFT JOIN "meetings" m ON m."id" = e."meeting_id"
  LEFT JOIN "parties" p ON p."id" = e."party_id"
  WHERE e."item_id" = :itemId
  ORDER BY e."seq" ASC`;

@Injectable()
export class HistoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async itemHistory(key: string): Promise<HistoryPage> {
    const item = await findItemByKey(this.dataSource.manager, key);
    const rows = await selectRows<Omit<HistoryEventRow, 'item_slug'>>(this.dataSource.manager, ITEM_HISTORY, {
      itemId: item.id,
    });
    return { data: rows.map((row) => presentHistoryEvent({ ...row, item_slug: item.slug })) };
  }
}
