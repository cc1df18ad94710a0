import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
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

  async itemHistory(key: string): Promise<HistoryPage> {
    const item = await this.items.findByKey(this.dataSource.manager, key);
    return { data: await this.eventsOf(this.dataSource.manager, item) };
  }

  // The item's events as history answers show them, oldest first, each marked with what overruled it.
  async eventsOf(manager: EntityManager, item: ItemEntity): Promise<HistoryEventView[]> {
    const rows = await this.events.eventsOfItem(manager, item.id);
    const overruled = overrulings(await this.events.amendmentsOf(manager, item.id));
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
