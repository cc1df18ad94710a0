import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_HISTORY_PAGE, type HistoryPageQuery } from '../history/dto/history-page.query.js';
import { presentHistoryEvent, type Overruling } from '../history/history-event.presenter.js';
import type { HistoryEventView, HistoryPage } from '../history/history-event.view.js';
import { HistoryRepository, type AmendmentReference } from '../history/history.repository.js';
import type { ItemEntity } from './item.entity.js';
import { ExpensiveReads } from './expensive-reads.js';
import { ItemRepository } from './item.repository.js';

// About what a page of history holds at most, in JSON; a page has at least one event however large.
export const HISTORY_PAGE_BYTES = 256 * 1024;
// Events read at a time while a page is filled.
const HISTORY_READ_ROWS = 25;

// An item's history lives with the items: finding the item by id or slug is theirs, the events
// are the history's.
@Injectable()
export class ItemHistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly items: ItemRepository,
    private readonly events: HistoryRepository,
    private readonly reads: ExpensiveReads,
  ) {}

  // A page ends after `limit` events or HISTORY_PAGE_BYTES of them, whichever comes first: an item
  // edited with long texts would otherwise answer (and hold) megabytes a page, for every reader.
  // The events are read HISTORY_READ_ROWS at a time, so no more than that is held beyond the page.
  // A page larger than the default is admitted per client (`client`, who asks; the console's
  // timeline asks for the default).
  async itemHistory(key: string, page: HistoryPageQuery, client = 'console'): Promise<HistoryPage> {
    const limit = page.limit ?? DEFAULT_HISTORY_PAGE;
    return limit > DEFAULT_HISTORY_PAGE
      ? this.reads.admit(client, () => this.historyPage(key, page.after ?? 0, limit))
      : this.historyPage(key, page.after ?? 0, limit);
  }

  private async historyPage(key: string, start: number, limit: number): Promise<HistoryPage> {
    const manager = this.dataSource.manager;
    const item = await this.items.findByKey(manager, key);
    const shown: HistoryEventView[] = [];
    let bytes = 0;
    let after = start;
    let more = true;
    let full = false;
    while (more && !full && shown.length < limit) {
      const wanted = Math.min(HISTORY_READ_ROWS, limit - shown.length);
      // One row more than wanted, to know whether there is more.
      const rows = await this.eventsOf(manager, item, after, wanted + 1);
      more = rows.length > wanted;
      for (const event of rows.slice(0, wanted)) {
        const size = Buffer.byteLength(JSON.stringify(event));
        if (shown.length > 0 && bytes + size > HISTORY_PAGE_BYTES) {
          full = true;
          more = true;
          break;
        }
        shown.push(event);
        bytes += size;
        after = event.seq;
      }
    }
    return {
      data: shown,
      next: more ? `/api/items/${encodeURIComponent(item.slug)}/history?after=${after}&limit=${limit}` : null,
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
