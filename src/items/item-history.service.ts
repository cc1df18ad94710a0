import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_HISTORY_PAGE, type HistoryPageQuery } from '../history/dto/history-page.query.js';
import { presentHistoryEvent, type Overruling } from '../history/history-event.presenter.js';
import type { HistoryEventView, HistoryPage } from '../history/history-event.view.js';
import { HistoryRepository, type AmendmentReference } from '../history/history.repository.js';
import type { ItemEntity } from './item.entity.js';
import { ItemRepository } from './item.repository.js';

// An item's history lives with the items: finding the item by id or slug is theirs, the events
// are the history's.
@Injectable()
export class ItemHistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly items: ItemRepository,
    private readonly events: HistoryRepository,
  ) {}

  async itemHistory(key: string, page: HistoryPageQuery): Promise<HistoryPage> {
    const item = await this.items.findByKey(this.dataSource.manager, key);
    const limit = page.limit ?? DEFAULT_HISTORY_PAGE;
    // One row more than the page shows, to know whether there is a next page.
    const rows = await this.eventsOf(this.dataSource.manager, item, page.after ?? 0, limit + 1);
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      data: shown,
      next:
        rows.length > limit && last
          ? `/api/items/${encodeURIComponent(item.slug)}/history?after=${last.seq}&limit=${limit}`
          : null,
    };
  }

  // Up to `rows` of the item's events after seq `after`, oldest first, as history answers show
  // them: each marked with the later events that overruled it.
  async eventsOf(manager: EntityManager, item: ItemEntity, after: number, rows: number): Promise<HistoryEventView[]> {
    const events = await this.events.eventsOfItem(manager, item.id, after, rows);
    const overruled = overrulings(await this.events.amendmentsOf(manager, item.id));
    return events.map((row) => presentHistoryEvent({ ...row, item_slug: item.slug }, overruled.get(Number(row.seq))));
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
