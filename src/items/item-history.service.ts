import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { presentHistoryEvent } from '../history/history-event.presenter.js';
import { DEFAULT_HISTORY_PAGE, type HistoryPageQuery } from '../history/dto/history-page.query.js';
import type { HistoryPage } from '../history/history-event.view.js';
import { HistoryRepository } from '../history/history.repository.js';
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
    const rows = await this.events.eventsOfItem(this.dataSource.manager, item.id, page.after ?? 0, limit + 1);
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
