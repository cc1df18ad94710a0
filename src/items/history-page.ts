import type { EntityManager } from 'typeorm';
import { presentHistoryEvent, type Overruling } from '../history/history-event.presenter.js';
import type { HistoryEventView, HistoryPage } from '../history/history-event.view.js';
import type { HistoryRepository } from '../history/history.repository.js';
import type { ItemEntity } from './item.entity.js';
import type { ItemRepository } from './item.repository.js';

// About what a page of history holds at most, in JSON; a page has at least one event however large.
export const HISTORY_PAGE_BYTES = 256 * 1024;
// Events read at a time while a page is filled.
const HISTORY_READ_ROWS = 25;

// What a page is read through: the service's connection, or a report worker's (a large page is read
// in a worker thread, see ReportWorkers).
export interface HistoryPageReaders {
  readonly manager: EntityManager;
  readonly items: ItemRepository;
  readonly events: HistoryRepository;
}

// What a page asks for, as plain data (it crosses to a worker thread).
export interface HistoryPageRequest {
  readonly key: string;
  readonly after: number;
  readonly limit: number;
}

// A page ends after `limit` events or HISTORY_PAGE_BYTES of them, whichever comes first: an item
// edited with long texts would otherwise answer (and hold) megabytes a page, for every reader.
// The events are read HISTORY_READ_ROWS at a time, so no more than that is held beyond the page.
export async function readHistoryPage(
  readers: HistoryPageReaders,
  { key, after: start, limit }: HistoryPageRequest,
): Promise<HistoryPage> {
  const item = await readers.items.findByKey(readers.manager, key);
  // Which events were overruled, read once for the page rather than for each slice of it.
  const overruled = await overrulingsOf(readers, item);
  const shown: HistoryEventView[] = [];
  let bytes = 0;
  let after = start;
  let more = true;
  let full = false;
  while (more && !full && shown.length < limit) {
    const wanted = Math.min(HISTORY_READ_ROWS, limit - shown.length);
    // One row more than wanted, to know whether there is more.
    const rows = await presentedEvents(readers, item, overruled, after, wanted + 1);
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
export async function eventsOf(
  readers: Pick<HistoryPageReaders, 'manager' | 'events'>,
  item: ItemEntity,
  after: number,
  rows: number,
): Promise<HistoryEventView[]> {
  return presentedEvents(readers, item, await overrulingsOf(readers, item), after, rows);
}

async function presentedEvents(
  { manager, events }: Pick<HistoryPageReaders, 'manager' | 'events'>,
  item: ItemEntity,
  overruled: ReadonlyMap<number, Overruling>,
  after: number,
  rows: number,
): Promise<HistoryEventView[]> {
  const found = await events.eventsOfItem(manager, item.id, after, rows);
  return found.map((row) => presentHistoryEvent({ ...row, item_slug: item.slug }, overruled.get(Number(row.seq))));
}

// Each corrected or retracted event of the item, with the later events that overruled it.
async function overrulingsOf(
  { manager, events }: Pick<HistoryPageReaders, 'manager' | 'events'>,
  item: ItemEntity,
): Promise<Map<number, Overruling>> {
  const overruled = new Map<number, { correctedBy?: number[]; retractedBy?: number }>();
  for (const { seq, corrects, retracts } of await events.amendmentsOf(manager, item.id)) {
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
