import { AuditRepository } from '../../src/audit/audit.repository.js';
import { HistoryEventEntity } from '../../src/history/history-event.entity.js';
import { HistoryRepository } from '../../src/history/history.repository.js';
import { ItemEntity } from '../../src/items/item.entity.js';
import { MeetingEntity } from '../../src/meetings/meeting.entity.js';
import { TransferRepository } from '../../src/transfer/transfer.repository.js';
import { makeItem, makeMeeting } from './support/factories.js';
import { startServices, type ServiceContext } from './support/service-context.js';

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const found: T[] = [];
  for await (const value of source) {
    found.push(value);
  }
  return found;
}

// The audit's and the transfer's read models, on a real database (SQLite, or PostgreSQL with
// TEST_DATABASE_URL).
describe('the read-model repositories', () => {
  let services: ServiceContext;
  let items: ItemEntity[];
  beforeAll(async () => {
    services = await startServices();
    items = [await makeItem(services), await makeItem(services), await makeItem(services)];
  });
  afterAll(() => services.close());

  const manager = () => services.dataSource.manager;

  describe('AuditRepository', () => {
    it('reads every event in id order, numbers as numbers, and every item row', async () => {
      const audit = services.get(AuditRepository);
      const events = (await collect(audit.eventBatches(manager()))).flat();
      expect(events.map((event) => event.id)).toEqual([1, 2, 3]);
      expect(events[0]).toMatchObject({ itemId: items[0].id, seq: 1, action: 'created', corrects: null });
      expect(typeof events[0].seq).toBe('number');
      const rows = (await collect(audit.itemBatches(manager()))).flat();
      expect(rows.map((row) => row.id).sort()).toEqual(items.map((item) => item.id).sort());
      expect(rows.find((row) => row.id === items[1].id)).toEqual({
        id: items[1].id,
        slug: items[1].slug,
        state: 'proposed',
        stateSince: items[1].stateSince,
        version: 1,
      });
    });

    it('names what a finding points to: an event by hash or by item and seq, an item by id', async () => {
      const audit = services.get(AuditRepository);
      const [second] = (await collect(audit.eventBatches(manager()))).flat().slice(1);
      expect(await audit.eventIdWithHash(manager(), second.hash)).toBe(2);
      expect(await audit.eventIdWithHash(manager(), '0'.repeat(64))).toBeUndefined();
      expect(await audit.eventIdOfItemSeq(manager(), items[2].id, 1)).toBe(3);
      expect(await audit.eventIdOfItemSeq(manager(), items[2].id, 2)).toBeUndefined();
      expect(await audit.itemSlug(manager(), items[0].id)).toBe(items[0].slug);
      expect(await audit.itemSlug(manager(), 'no-such-id')).toBeUndefined();
    });
  });

  describe('TransferRepository', () => {
    it('pages a table in id order, text ids in byte order', async () => {
      const transfer = services.get(TransferRepository);
      const rows = await collect(transfer.pages(manager(), ItemEntity, true, 2));
      const ids = items.map((item) => item.id).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      expect(rows.map((row) => row.id)).toEqual(ids);
      const events = await collect(transfer.pages(manager(), HistoryEventEntity, false, 2));
      expect(events.map((event) => event.id)).toEqual([1, 2, 3]);
    });

    it('copies rows exactly into an empty database, and appends after the copied ids', async () => {
      const meeting = await makeMeeting(services);
      const source = services.get(TransferRepository);
      const target = await startServices();
      try {
        const tables = target.get(TransferRepository);
        const into = target.dataSource.manager;
        expect(await tables.isEmpty(into, HistoryEventEntity)).toBe(true);
        const meetings = await collect(source.pages(manager(), MeetingEntity, true, 10));
        const itemRows = await collect(source.pages(manager(), ItemEntity, true, 10));
        const events = await collect(source.pages(manager(), HistoryEventEntity, false, 10));
        await target.write(async (writer) => {
          await tables.insertExact(writer, MeetingEntity, Object.keys(meetings[0]), meetings);
          await tables.insertExact(writer, ItemEntity, Object.keys(itemRows[0]), itemRows);
          await tables.insertExact(writer, HistoryEventEntity, Object.keys(events[0]), events);
          await tables.continueIdsAfterImport(writer);
        });
        expect(await tables.isEmpty(into, HistoryEventEntity)).toBe(false);
        expect(await collect(tables.pages(into, MeetingEntity, true, 10))).toEqual([meeting]);
        expect(await collect(tables.pages(into, HistoryEventEntity, false, 10))).toEqual(events);
        await makeItem(target);
        const head = await target.get(HistoryRepository).newest(into);
        expect(head?.id).toBe(events.length + 1);
      } finally {
        await target.close();
      }
    });
  });
});
