import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { selectRows } from '../database/sql.js';
import { findItemByKey } from '../items/item-lookup.js';
import { itemAmendments, type AmendmentReference } from './amendments.repository.js';
import { presentHistoryEvent, type HistoryEventRow, type Overruling } from './history-event.presenter.js';
import type { HistoryEventView, HistoryPage } from './history-event.view.js';

const ITEM_HISTORY = `
  SELECT e."id", e."seq", e."action", e."from_state", e."to_state", e."changes", e."reason",
         e."effective_on", e."source", e."batch_id", e."actor", e."recorded_at", e."hash",
         e."corrects", e."retracts", m."slug" AS "meeting_slug"
  FROM "history_events" e LEFT JOIN "meetings" m ON m."id" = e."meeting_id"
  WHERE e."item_id" = :itemId
  ORDER BY e."seq" ASC`;

@Injectable()
export class HistoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async itemHistory(key: string): Promise<HistoryPage> {
    const item = await findItemByKey(this.dataSource.manager, key);
    return { data: await this.eventsOf(this.dataSource.manager, item) };
  }

  // The item's events as history answers show them, oldest first, each marked with what overruled it.
  async eventsOf(
    manager: EntityManager,
    item: { readonly id: string; readonly slug: string },
  ): Promise<HistoryEventView[]> {
    const rows = await selectRows<Omit<HistoryEventRow, 'item_slug'>>(manager, ITEM_HISTORY, { itemId: item.id });
    const overruled = overrulings(await itemAmendments(manager, item.id));
    return rows.map((row) => presentHistoryEvent({ ...row, item_slug: item.slug }, overruled.get(Number(row.seq))));
  }
}

function overrulings(amendments: readonly AmendmentReference[]): Map<number, Overruling> {
  const overruled = new Map<number, { correctedBy?: number[]; retractedBy?: number }>();
  for (const { seq, corrects, retracts } of amendments) {
    if (corrects !== null) {
      const entry = overruled.get(corrects) ?? {};
      entry.correctedBy = [...(entry.correctedBy ?? []), seq];
      overruled.set(corrects, entry);
    }
    if (retracts !== null) {
      overruled.set(retracts, { ...overruled.get(retracts), retractedBy: seq });
    }
  }
  return overruled;
}
