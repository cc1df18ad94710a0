import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { presentHistoryEvent } from '../history/history-event.presenter.js';
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

  async itemHistory(key: string): Promise<HistoryPage> {
    const item = await this.items.findByKey(this.dataSource.manager, key);
    const rows = await this.events.eventsOfItem(this.dataSource.manager, item.id);
    return { data: rows.map((row) => presentHistoryEvent({ ...row, item_slug: item.slug })) };
  }
}
