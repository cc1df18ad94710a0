import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_HISTORY_PAGE, type HistoryPageQuery } from '../history/dto/history-page.query.js';
import type { HistoryEventView, HistoryPage } from '../history/history-event.view.js';
import { HistoryRepository } from '../history/history.repository.js';
import type { ItemEntity } from './item.entity.js';
import { ExpensiveReads } from './expensive-reads.js';
import { eventsOf, readHistoryPage, type HistoryPageRequest } from './history-page.js';
import { ItemRepository } from './item.repository.js';

// Reads a page elsewhere and answers it encoded as JSON (a HistoryPage).
export type HistoryPageReader = (page: HistoryPageRequest) => Promise<Buffer>;

// An item's history lives with the items: finding the item by id or slug is theirs, the events
// are the history's.
@Injectable()
export class ItemHistoryService {
  // Where pages larger than the default are read: the report workers register their threads here
  // (the reports' module sits above this one); until then, on this connection.
  private largePages: HistoryPageReader | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly items: ItemRepository,
    private readonly events: HistoryRepository,
    private readonly reads: ExpensiveReads,
  ) {}

  readLargePagesWith(reader: HistoryPageReader): void {
    this.largePages = reader;
  }

  // A page as the console shows it (the default size at most: read here).
  async itemHistory(key: string, page: HistoryPageQuery): Promise<HistoryPage> {
    return readHistoryPage(this.readers(), request(key, page));
  }

  // A page as the API answers it. One larger than the default is admitted per client (`client`,
  // who asks) and read off the event loop, where the report workers read (a page of an item
  // edited with long texts is 256 KiB of JSON to read, present and encode): it comes back encoded.
  async apiHistory(key: string, page: HistoryPageQuery, client: string): Promise<HistoryPage | Buffer> {
    const asked = request(key, page);
    if (asked.limit <= DEFAULT_HISTORY_PAGE) {
      return readHistoryPage(this.readers(), asked);
    }
    const reader = this.largePages;
    return this.reads.admit<HistoryPage | Buffer>(client, () =>
      reader ? reader(asked) : readHistoryPage(this.readers(), asked),
    );
  }

  // Up to `rows` of the item's events after seq `after`, oldest first, as history answers show them.
  eventsOf(manager: EntityManager, item: ItemEntity, after: number, rows: number): Promise<HistoryEventView[]> {
    return eventsOf({ manager, events: this.events }, item, after, rows);
  }

  private readers() {
    return { manager: this.dataSource.manager, items: this.items, events: this.events };
  }
}

function request(key: string, page: HistoryPageQuery): HistoryPageRequest {
  return { key, after: page.after ?? 0, limit: page.limit ?? DEFAULT_HISTORY_PAGE };
}
