import { AssessmentRepository } from '../../src/history/assessment.repository.js';
import { assessmentKey } from '../../src/assessments/assessment-check.js';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { AssessmentsService } from '../../src/compliance/assessments.service.js';
import { CorrectionsService } from '../../src/corrections/corrections.service.js';
import { GENESIS_HASH } from '../../src/history/event-hash.js';
import { FeedRepository } from '../../src/history/feed.repository.js';
import { HistoryEventEntity } from '../../src/history/history-event.entity.js';
import { HistoryRepository } from '../../src/history/history.repository.js';
import { PositionRepository } from '../../src/history/position.repository.js';
import type { ListItemsQuery } from '../../src/items/dto/list-items.query.js';
import { ItemEntity } from '../../src/items/item.entity.js';
import { ItemListRepository } from '../../src/items/item-list.repository.js';
import { ItemsService } from '../../src/items/items.service.js';
import { MeetingEntity } from '../../src/meetings/meeting.entity.js';
import { OutcomesService } from '../../src/outcomes/outcomes.service.js';
import type { PartyEntity } from '../../src/parties/party.entity.js';
import type { Stance } from '../../src/parties/stance.js';
import { positionKey } from '../../src/positions/position-check.js';
import { ReportReadRepository } from '../../src/reports/report-read.repository.js';
import { TransferRepository } from '../../src/transfer/transfer.repository.js';
import { makeItem, makeMeeting, makeParty, TEST_ACTOR } from './support/factories.js';
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

// The repositories that read history_events, on one history written through the services (a real
// database: SQLite, or PostgreSQL with TEST_DATABASE_URL). Event ids, in the order written:
//   item a:  1 created (2010-09-22), 2 under_discussion (2010-10-01), 3 party p supports (2010-10-05),
//            4 party q opposes (2010-10-06), at the meeting (2010-11-20, one batch) 5 agreed and
//            6 q supports, 7 p assessed 1 (2011-06-30);
//   (the instant afterA)
//   item b:  8 created, 9 p undecided (2010-10-03), 10 p supports (2010-10-04), 11 10 retracted;
//   item c:  12 created, 13 its title updated.
describe('the repositories that read the history', () => {
  let services: ServiceContext;
  let p: PartyEntity;
  let q: PartyEntity;
  let meeting: MeetingEntity;
  let a: ItemEntity;
  let b: ItemEntity;
  let c: ItemEntity;
  let batch: string;
  let afterA: string;
  const LATER = '2999-01-01T00:00:00.000Z';
  const EARLIER = '2000-01-01T00:00:00.000Z';

  // Recording instants are read from the clock: a pause keeps afterA strictly between two events.
  const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

  beforeAll(async () => {
    services = await startServices();
    const itemsService = services.get(ItemsService);
    const position = (item: ItemEntity, party: PartyEntity, stance: Stance, effectiveOn: string) =>
      itemsService.takePosition(item.slug, { party: party.slug, stance, effectiveOn }, undefined, TEST_ACTOR);
    [p, q] = [await makeParty(services), await makeParty(services)];
    meeting = await makeMeeting(services, { heldOn: '2010-11-20' });
    a = await makeItem(services);
    await itemsService.transition(
      a.slug,
      { to: 'under_discussion', effectiveOn: '2010-10-01', reason: 'Tabled.' },
      undefined,
      TEST_ACTOR,
    );
    await position(a, p, 'supports', '2010-10-05');
    await position(a, q, 'opposes', '2010-10-06');
    const outcomes = await services.get(OutcomesService).apply(
      meeting.slug,
      {
        outcomes: [{ item: a.slug, to: 'agreed' }],
        positions: [{ item: a.slug, party: q.slug, stance: 'supports' }],
      },
      TEST_ACTOR,
    );
    batch = outcomes.batch ?? '';
    await services
      .get(AssessmentsService)
      .apply({ effectiveOn: '2011-06-30', assessments: [{ item: a.slug, party: p.slug, score: 1 }] }, TEST_ACTOR);
    await pause();
    afterA = new Date().toISOString();
    await pause();
    b = await makeItem(services);
    await position(b, p, 'undecided', '2010-10-03');
    await position(b, p, 'supports', '2010-10-04');
    await services.get(CorrectionsService).retract(b.slug, 3, 'Entered by mistake.', TEST_ACTOR);
    c = await makeItem(services);
    await itemsService.update(c.slug, { title: 'Share early-warning data' }, undefined, TEST_ACTOR);
  });
  afterAll(() => services.close());

  const manager = () => services.dataSource.manager;
  const ids = (rows: readonly { id: number | string }[]) => rows.map((row) => Number(row.id));
  const byItem = <Row extends { itemId: string }>(rows: readonly Row[]) =>
    [...rows].sort((x, y) => (x.itemId < y.itemId ? -1 : 1));
  const sorted = (keys: Iterable<string>) => [...keys].sort();

  describe('HistoryRepository (the writer)', () => {
    it('answers the head, now and as it was at an instant', async () => {
      const history = services.get(HistoryRepository);
      const newest = await history.newest(manager());
      expect(newest?.id).toBe(13);
      expect(await history.head(manager())).toEqual({ hash: newest?.hash, events: 13 });
      const lastOfA = (await history.eventsOfItem(manager(), a.id)).at(-1);
      expect(await history.headKnownAt(manager(), afterA)).toEqual({ hash: lastOfA?.hash, events: 7 });
      expect(await history.headKnownAt(manager(), EARLIER)).toEqual({ hash: GENESIS_HASH, events: 0 });
    });

    it("pages an item's events with their meeting's and party's slugs", async () => {
      const history = services.get(HistoryRepository);
      const page = await history.eventsOfItem(manager(), a.id, 2, 3);
      expect(page.map((row) => [Number(row.seq), row.action, row.party_slug, row.stance, row.meeting_slug])).toEqual([
        [3, 'positioned', p.slug, 'supports', null],
        [4, 'positioned', q.slug, 'opposes', null],
        [5, 'transitioned', null, null, meeting.slug],
      ]);
      expect(await history.eventsOfItem(manager(), a.id, 7)).toEqual([]);
    });

    it("reads an item's events as the fold takes them, numbers as numbers, and its amendments", async () => {
      const history = services.get(HistoryRepository);
      const events = await history.recordedEventsOf(manager(), b.id);
      expect(events.map((event) => [event.seq, event.action, event.party, event.stance, event.retracts])).toEqual([
        [1, 'created', null, null, null],
        [2, 'positioned', p.slug, 'undecided', null],
        [3, 'positioned', p.slug, 'supports', null],
        [4, 'retracted', null, null, 3],
      ]);
      expect(events[3].changes).toEqual({ stance: { from: 'supports', to: 'undecided' } });
      expect((await history.recordedEventsOf(manager(), a.id)).at(-1)).toMatchObject({
        action: 'assessed',
        party: p.slug,
        score: 1,
        effectiveOn: '2011-06-30',
      });
      expect(await history.amendmentsOf(manager(), b.id)).toEqual([{ seq: 4, corrects: null, retracts: 3 }]);
      expect(await history.amendmentsOf(manager(), a.id)).toEqual([]);
    });

    it('reads the events one request wrote, in the order appended (two rows in one insert)', async () => {
      expect(await services.get(HistoryRepository).batchEvents(manager(), batch)).toEqual([
        { itemId: a.id, seq: 5, action: 'transitioned', meeting: meeting.slug },
        { itemId: a.id, seq: 6, action: 'positioned', meeting: meeting.slug },
      ]);
      expect(await services.get(HistoryRepository).batchEvents(manager(), 'no-such-batch')).toEqual([]);
    });
  });

  describe('FeedRepository', () => {
    it('reads the newest events across items with their items named', async () => {
      const latest = await services.get(FeedRepository).latestEvents(manager(), 2);
      expect(latest.map((row) => [Number(row.id), row.item_slug, row.item_title, row.action])).toEqual([
        [13, c.slug, 'Share early-warning data', 'updated'],
        [12, c.slug, 'Share early-warning data', 'created'],
      ]);
    });

    it('filters the activity log by actor, item, meeting, action and recording day, a page before an id', async () => {
      const feed = services.get(FeedRepository);
      const activity = (filter: Parameters<FeedRepository['activity']>[1], limit = 100) =>
        feed.activity(manager(), filter, limit).then(ids);
      expect(await activity({})).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
      expect(await activity({ item: a.slug }, 3)).toEqual([7, 6, 5]);
      expect(await activity({ item: a.slug, before: 5 })).toEqual([4, 3, 2, 1]);
      expect(await activity({ meeting: meeting.slug })).toEqual([6, 5]);
      expect(await activity({ action: 'retracted' })).toEqual([11]);
      expect(await activity({ actor: TEST_ACTOR, item: b.slug })).toEqual([11, 10, 9, 8]);
      expect(await activity({ actor: 'someone-else' })).toEqual([]);
      const today = new Date().toISOString().slice(0, 10);
      expect(await activity({ from: today, to: today, item: c.slug })).toEqual([13, 12]);
      expect(await activity({ to: '2000-01-01' })).toEqual([]);
    });

    it("reads a meeting's events in the order recorded", async () => {
      const events = await services.get(FeedRepository).eventsOfMeeting(manager(), meeting.id);
      expect(events.map((row) => [Number(row.id), row.item_slug, row.meeting_slug])).toEqual([
        [5, a.slug, meeting.slug],
        [6, a.slug, meeting.slug],
      ]);
    });
  });

  describe('ReportReadRepository', () => {
    it('counts the events of a window of effect dates, and of a span of recording instants', async () => {
      const reads = services.get(ReportReadRepository);
      expect(await reads.eventsEffectiveBetween(manager(), '2010-10-01', '2010-10-06')).toBe(5);
      expect(await reads.eventsRecordedBetween(manager(), afterA, LATER)).toBe(6);
      expect(await reads.eventsRecordedBetween(manager(), EARLIER, afterA)).toBe(7);
    });

    it("finds each item's latest state event by a day, and as recorded by an instant", async () => {
      const reads = services.get(ReportReadRepository);
      expect(byItem(await reads.latestStates(manager(), '2010-10-15', undefined))).toEqual(
        byItem([
          { itemId: a.id, state: 'under_discussion', since: '2010-10-01', lastReason: 'Tabled.' },
          { itemId: b.id, state: 'proposed', since: '2010-09-22', lastReason: null },
          { itemId: c.id, state: 'proposed', since: '2010-09-22', lastReason: null },
        ]),
      );
      expect(await reads.latestStates(manager(), '2010-09-21', undefined)).toEqual([]);
      expect(await reads.latestStates(manager(), '2010-11-20', afterA)).toEqual([
        { itemId: a.id, state: 'agreed', since: '2010-11-20', lastReason: null },
      ]);
      expect(byItem(await reads.latestStateNames(manager(), '2010-11-20', undefined))).toEqual(
        byItem([
          { itemId: a.id, state: 'agreed' },
          { itemId: b.id, state: 'proposed' },
          { itemId: c.id, state: 'proposed' },
        ]),
      );
      expect(await reads.latestStateNames(manager(), '2010-09-21', undefined)).toEqual([]);
    });

    it('reads the state events of a window in effect order, as recorded by an instant', async () => {
      const reads = services.get(ReportReadRepository);
      const all = await reads.stateEventsBetween(manager(), '2010-09-22', '2010-12-31', undefined);
      expect(ids(all)).toEqual([1, 8, 12, 2, 5]);
      expect(all[4]).toEqual({
        id: 5,
        itemId: a.id,
        fromState: 'under_discussion',
        toState: 'agreed',
        effectiveOn: '2010-11-20',
        reason: null,
        meeting: meeting.slug,
        source: null,
        actor: TEST_ACTOR,
        recordedAt: expect.any(String),
      });
      expect(ids(await reads.stateEventsBetween(manager(), '2010-09-22', '2010-12-31', afterA))).toEqual([1, 2, 5]);
      expect(await reads.stateEventsBetween(manager(), '2010-10-02', '2010-11-19', undefined)).toEqual([]);
    });

    it('reads the descriptions known at an instant, in the order appended', async () => {
      const reads = services.get(ReportReadRepository);
      const known = await reads.descriptiveEventsKnownAt(manager(), afterA);
      expect(known.map((row) => row.itemId)).toEqual([a.id]);
      expect(JSON.parse(known[0].changes)).toMatchObject({ slug: { from: null, to: a.slug } });
      const now = await reads.descriptiveEventsKnownAt(manager(), LATER);
      expect(now.map((row) => row.itemId)).toEqual([a.id, b.id, c.id, c.id]);
      expect(JSON.parse(now[3].changes)).toEqual({
        title: { from: 'Link early-warning radars', to: 'Share early-warning data' },
      });
    });

    it('reads the whole history of the items the fold must read: amended, or changed between instants', async () => {
      const reads = services.get(ReportReadRepository);
      const amended = await reads.amendedItemEvents(manager(), undefined);
      expect([...amended.keys()]).toEqual([b.id]);
      expect(amended.get(b.id)?.map((event) => event.seq)).toEqual([1, 2, 3, 4]);
      expect((await reads.amendedItemEvents(manager(), afterA)).size).toBe(0);
      const changed = await reads.eventsOfItemsChangedBetween(manager(), afterA, LATER);
      expect(sorted(changed.keys())).toEqual(sorted([b.id, c.id]));
      expect(changed.get(c.id)?.map((event) => event.action)).toEqual(['created', 'updated']);
      const before = await reads.eventsOfItemsChangedBetween(manager(), EARLIER, afterA);
      expect([...before.keys()]).toEqual([a.id]);
      expect(before.get(a.id)?.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    });
  });

  describe('ItemListRepository', () => {
    const page = async (query: ListItemsQuery, party?: PartyEntity) => {
      const [items, total] = await services.get(ItemListRepository).page(manager(), query, party?.id);
      return { slugs: items.map((item) => item.slug), total };
    };

    it("filters by a party's current stance: its latest position not retracted", async () => {
      expect(await page({ stance: 'supports' }, p)).toEqual({ slugs: [a.slug], total: 1 });
      expect(await page({ stance: 'undecided' }, p)).toEqual({ slugs: [b.slug], total: 1 });
      expect(await page({ stance: 'opposes' }, q)).toEqual({ slugs: [], total: 0 });
      expect(await page({}, p)).toEqual({ slugs: [a.slug, b.slug].sort(), total: 2 });
      expect(await page({}, q)).toEqual({ slugs: [a.slug], total: 1 });
    });

    it("filters by any party's current stance", async () => {
      expect(await page({ stance: 'supports' })).toEqual({ slugs: [a.slug], total: 1 });
      expect(await page({ stance: 'undecided' })).toEqual({ slugs: [b.slug], total: 1 });
      expect(await page({ stance: 'opposes' })).toEqual({ slugs: [], total: 0 });
    });

    it('sorts and pages the items, with the total of the filtered list', async () => {
      const all = [a.slug, b.slug, c.slug].sort();
      expect(await page({ sort: '-slug', limit: 2 })).toEqual({ slugs: [all[2], all[1]], total: 3 });
      expect(await page({ state: 'agreed' })).toEqual({ slugs: [a.slug], total: 1 });
      expect(await page({ q: 'SHARE' })).toEqual({ slugs: [c.slug], total: 1 });
    });
  });

  describe('PositionRepository', () => {
    it("reads each party's standing position, retractions applied", async () => {
      const positions = services.get(PositionRepository);
      expect(await positions.currentOfItem(manager(), a.id)).toEqual(
        [
          { party: p.slug, stance: 'supports', since: '2010-10-05', statement: null },
          { party: q.slug, stance: 'supports', since: '2010-11-20', statement: null },
        ].sort((x, y) => (x.party < y.party ? -1 : 1)),
      );
      expect(await positions.currentOfItem(manager(), b.id)).toEqual([
        { party: p.slug, stance: 'undecided', since: '2010-10-03', statement: null },
      ]);
      expect(await positions.currentOfItem(manager(), c.id)).toEqual([]);
      const standing = await positions.standingOn(manager(), [a.id, b.id, c.id]);
      expect(Object.fromEntries(standing)).toEqual({
        [positionKey(a.id, p.slug)]: { stance: 'supports', effectiveOn: '2010-10-05' },
        [positionKey(a.id, q.slug)]: { stance: 'supports', effectiveOn: '2010-11-20' },
        [positionKey(b.id, p.slug)]: { stance: 'undecided', effectiveOn: '2010-10-03' },
      });
      expect((await positions.standingOn(manager(), [])).size).toBe(0);
    });

    it("reads each party's latest position by a day from SQL alone (the reports fold amended items)", async () => {
      const positions = services.get(PositionRepository);
      const onDay = await positions.positionsAsOf(manager(), [p.id, q.id], '2010-10-05');
      expect(Object.fromEntries([...onDay].map(([item, byParty]) => [item, Object.fromEntries(byParty)]))).toEqual({
        [a.id]: { [p.id]: { stance: 'supports', since: '2010-10-05' } },
        // Retracted later, which only the fold knows.
        [b.id]: { [p.id]: { stance: 'supports', since: '2010-10-04' } },
      });
      const known = await positions.positionsAsOf(manager(), [q.id], '2010-12-31', afterA);
      expect(Object.fromEntries([...known].map(([item, byParty]) => [item, Object.fromEntries(byParty)]))).toEqual({
        [a.id]: { [q.id]: { stance: 'supports', since: '2010-11-20' } },
      });
    });

    it('reads the positions taken in a window, in effect order, with the stance each moved from', async () => {
      const positions = services.get(PositionRepository);
      const events = await positions.eventsBetween(manager(), '2010-10-01', '2010-10-31');
      expect(events.map((event) => [Number(event.id), event.party, event.fromStance, event.toStance])).toEqual([
        [9, p.slug, null, 'undecided'],
        [10, p.slug, 'undecided', 'supports'],
        [3, p.slug, null, 'supports'],
        [4, q.slug, null, 'opposes'],
      ]);
      expect(ids(await positions.eventsBetween(manager(), '2010-10-01', '2010-12-31', afterA))).toEqual([3, 4, 6]);
    });
  });

  describe('AssessmentRepository', () => {
    it("reads each party's standing score, and the latest by a day", async () => {
      const assessments = services.get(AssessmentRepository);
      expect(await assessments.currentOfItem(manager(), a.id)).toEqual([
        { party: p.slug, score: 1, since: '2011-06-30', evidence: null },
      ]);
      expect(await assessments.currentOfItem(manager(), b.id)).toEqual([]);
      expect(Object.fromEntries(await assessments.standingOn(manager(), [a.id, b.id]))).toEqual({
        [assessmentKey(a.id, p.slug)]: { score: 1, effectiveOn: '2011-06-30' },
      });
      const latest = await assessments.latestAsOf(manager(), '2011-06-30', undefined);
      expect(Object.fromEntries([...latest].map(([item, byParty]) => [item, Object.fromEntries(byParty)]))).toEqual({
        [a.id]: { [p.slug]: { score: 1, since: '2011-06-30' } },
      });
      expect((await assessments.latestAsOf(manager(), '2011-06-29', undefined)).size).toBe(0);
      expect((await assessments.latestAsOf(manager(), '2011-06-30', EARLIER)).size).toBe(0);
    });
  });
});
