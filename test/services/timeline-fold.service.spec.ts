import fc from 'fast-check';
import { AuditService } from '../../src/audit/audit.service.js';
import { DomainError } from '../../src/common/domain-error.js';
import { CorrectionsService } from '../../src/corrections/corrections.service.js';
import { amendHistory, positionsOn, standingState, stateOn } from '../../src/history/amended-history.js';
import { HistoryRepository } from '../../src/history/history.repository.js';
import { foldTimeline, STATE_KIND, type ItemTimeline } from '../../src/history/item-timeline.js';
import { PositionRepository } from '../../src/history/position.repository.js';
import { ItemRepository } from '../../src/items/item.repository.js';
import { ItemsService } from '../../src/items/items.service.js';
import { buildPositions, buildStatus, type ReportReaders } from '../../src/reports/report-builders.js';
import { ReportReadRepository } from '../../src/reports/report-read.repository.js';
import { ReportWorkers } from '../../src/reports/report-workers.js';
import type { PositionsItemView } from '../../src/reports/positions-report.view.js';
import type { ReportScope } from '../../src/reports/report-scope.js';
import type { StatusItemView } from '../../src/reports/status-report.view.js';
import type { RecordedEvent } from '../../src/history/amended-history.js';
import type { ItemEntity } from '../../src/items/item.entity.js';
import type { PartyEntity } from '../../src/parties/party.entity.js';
import { STANCES } from '../../src/parties/stance.js';
import { WORKFLOW_STATES } from '../../src/workflow/workflow.definition.js';
import { makeItem, makeParty, TEST_ACTOR } from './support/factories.js';
import { startServices, type ServiceContext } from './support/service-context.js';

// For random histories written through the services (transitions, positions, corrections and
// retractions, each kept or refused by the rules), the ways of reading where an item stands agree:
// its row, the rules' fold (item-timeline.ts), the read fold (amended-history.ts), the SQL fast
// paths the reports and the item answers take for items without amendments, the status and
// positions reports (SQL for most items, the read fold for amended ones, now and as known at an
// instant in the middle of the history) against the same reports computed from the rules' fold
// alone, and audit verify.

const PROPOSED_ON = '2010-01-01';

function day(offset: number): string {
  const date = new Date(`${PROPOSED_ON}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

type Step =
  | { readonly kind: 'transition'; readonly to: (typeof WORKFLOW_STATES)[number]; readonly on: number }
  | {
      readonly kind: 'position';
      readonly party: number;
      readonly stance: (typeof STANCES)[number];
      readonly on: number;
    }
  | { readonly kind: 'correct'; readonly pick: number; readonly on: number }
  | { readonly kind: 'retract'; readonly pick: number };

const steps = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('transition' as const), to: fc.constantFrom(...WORKFLOW_STATES), on: fc.nat(60) }),
    fc.record({
      kind: fc.constant('position' as const),
      party: fc.nat(1),
      stance: fc.constantFrom(...STANCES),
      on: fc.nat(60),
    }),
    fc.record({ kind: fc.constant('correct' as const), pick: fc.nat(20), on: fc.nat(60) }),
    fc.record({ kind: fc.constant('retract' as const), pick: fc.nat(3) }),
  ),
  { minLength: 1, maxLength: 14 },
);

// The last standing step of a timeline effective by `day`: a timeline's dates never go backwards.
function stepOn(timeline: ItemTimeline, kind: string, day: string) {
  return timeline.standing(kind).findLast((step) => step.effectiveOn <= day);
}

// The status report's row of an item on `day`, from the rules' fold of the events recorded by
// knownAt (the step's reason as corrected, from the read fold).
function foldedStatus(item: ItemEntity, events: readonly RecordedEvent[], day: string): StatusItemView[] {
  const step = stepOn(foldTimeline(events), STATE_KIND, day);
  if (!step) {
    return [];
  }
  const reason = amendHistory(events).find((event) => event.seq === step.seq)?.reason ?? null;
  const { slug, title, category, proposedBy } = item;
  return [
    {
      slug,
      title,
      category,
      proposedBy,
      state: step.state as StatusItemView['state'],
      since: step.effectiveOn,
      lastReason: reason,
    },
  ];
}

// The positions report's row of an item on `day`, from the rules' fold alone.
function foldedPositions(
  item: ItemEntity,
  events: readonly RecordedEvent[],
  parties: readonly PartyEntity[],
  day: string,
): PositionsItemView[] {
  const timeline = foldTimeline(events);
  const state = stepOn(timeline, STATE_KIND, day);
  if (!state) {
    return [];
  }
  const positions = Object.fromEntries(
    [...parties]
      .sort((a, b) => (a.slug < b.slug ? -1 : 1))
      .map((party) => {
        const step = stepOn(timeline, `position:${party.slug}`, day);
        return [party.slug, step ? { stance: step.value as (typeof STANCES)[number], since: step.effectiveOn } : null];
      }),
  );
  return [{ slug: item.slug, title: item.title, state: state.state as PositionsItemView['state'], positions }];
}

// Recording instants are read from the clock: a pause keeps an instant strictly between two events.
const pause = () => new Promise((resolve) => setTimeout(resolve, 3));

describe('the fold and the SQL fast paths agree', () => {
  let services: ServiceContext;
  let parties: PartyEntity[];
  let runs = 0;
  beforeAll(async () => {
    services = await startServices();
    parties = [await makeParty(services), await makeParty(services)];
  });
  afterAll(() => services.close());

  // A correction or a retraction names one of the item's transitions or positions, counted from
  // the newest (a retraction is most often of a latest one).
  async function amendable(itemId: string, pick: number): Promise<number> {
    const events = await services.get(HistoryRepository).recordedEventsOf(services.dataSource.manager, itemId);
    const dated = events.filter((event) => event.action === 'transitioned' || event.action === 'positioned');
    return dated.at(-1 - (pick % Math.max(dated.length, 1)))?.seq ?? 1;
  }

  // A step the rules refuse is part of the test: it must leave nothing behind.
  async function apply(slug: string, itemId: string, step: Step): Promise<void> {
    try {
      switch (step.kind) {
        case 'transition':
          await services
            .get(ItemsService)
            .transition(slug, { to: step.to, reason: 'Decided.', effectiveOn: day(step.on) }, undefined, TEST_ACTOR);
          return;
        case 'position':
          await services
            .get(ItemsService)
            .takePosition(
              slug,
              { party: parties[step.party].slug, stance: step.stance, effectiveOn: day(step.on) },
              undefined,
              TEST_ACTOR,
            );
          return;
        case 'correct':
          await services
            .get(CorrectionsService)
            .correct(
              slug,
              await amendable(itemId, step.pick),
              { note: 'Fixed.', effectiveOn: day(step.on) },
              TEST_ACTOR,
            );
          return;
        case 'retract':
          await services
            .get(CorrectionsService)
            .retract(slug, await amendable(itemId, step.pick), 'Withdrawn.', TEST_ACTOR);
          return;
      }
    } catch (error) {
      if (!(error instanceof DomainError)) {
        throw error;
      }
    }
  }

  it('for random histories: the row, both folds, the SQL fast paths, the status and positions reports, audit verify', async () => {
    await fc.assert(
      fc.asyncProperty(steps, async (history) => {
        // A category of its own: a report scoped to it covers this item alone.
        const item = await makeItem(services, { proposedOn: PROPOSED_ON, category: `fold-${(runs += 1)}` });
        let middle = '';
        for (const [index, step] of history.entries()) {
          await apply(item.slug, item.id, step);
          if (index === Math.floor(history.length / 2)) {
            await pause();
            middle = new Date().toISOString();
            await pause();
          }
        }
        const manager = services.dataSource.manager;
        const row = await services.get(ItemRepository).findByKey(manager, item.slug);
        const events = await services.get(HistoryRepository).recordedEventsOf(manager, item.id);
        const timeline = foldTimeline(events);
        const amended = amendHistory(events);
        // The rules' fold takes every event the writers wrote, and says what the row says.
        expect(timeline.seq).toBe(row.version);
        expect({ state: timeline.state, since: timeline.stateSince }).toEqual({
          state: row.state,
          since: row.stateSince,
        });
        const latest = standingState(amended);
        expect({ state: latest?.toState, since: latest?.effectiveOn }).toEqual({
          state: row.state,
          since: row.stateSince,
        });
        // Each party's standing position: the rules' fold, the read fold and the item answer.
        const folded = positionsOn(amended);
        const current = await services.get(PositionRepository).currentOfItem(manager, item.id);
        expect(current.map(({ party, stance, since }) => ({ party, stance, since }))).toEqual(
          [...folded.values()]
            .map((event) => ({ party: event.party, stance: event.stance, since: event.effectiveOn }))
            .sort((a, b) => (a.party < b.party ? -1 : 1)),
        );
        for (const party of parties) {
          const standing = timeline.standing(`position:${party.slug}`).at(-1);
          expect(standing && { stance: standing.value, since: standing.effectiveOn }).toEqual(
            folded.get(party.slug) && {
              stance: folded.get(party.slug)?.stance,
              since: folded.get(party.slug)?.effectiveOn,
            },
          );
        }
        // Without amendments the reports read states and positions by SQL alone: the same, any day.
        if (events.every((event) => event.corrects === null && event.retracts === null)) {
          for (const offset of [0, 15, 30, 61]) {
            const states = await services.get(ReportReadRepository).latestStates(manager, day(offset), undefined);
            const sql = states.find((state) => state.itemId === item.id);
            const on = stateOn(amended, day(offset));
            expect(sql && { state: sql.state, since: sql.since }).toEqual(
              on && { state: on.toState, since: on.effectiveOn },
            );
            const asOf = await services.get(PositionRepository).positionsAsOf(
              manager,
              parties.map((party) => party.id),
              day(offset),
            );
            const positions = positionsOn(amended, day(offset));
            for (const party of parties) {
              const byParty = asOf.get(item.id)?.get(party.id);
              const event = positions.get(party.slug);
              expect(byParty && { stance: byParty.stance, since: byParty.since }).toEqual(
                event && { stance: event.stance, since: event.effectiveOn },
              );
            }
          }
        }
        // The reports, built as the API builds them, against the rules' fold alone: now, and as
        // known in the middle of the history (its amendments by then decide which path is taken).
        const readers: ReportReaders = services.get(ReportWorkers).readersOn(manager);
        for (const knownAt of [undefined, middle]) {
          const scope: ReportScope = { category: item.category, knownAt };
          const known = knownAt === undefined ? events : events.filter((event) => event.recordedAt <= knownAt);
          for (const offset of [0, 15, 30, 61]) {
            const asOf = day(offset);
            const status = await buildStatus(readers, { asOf, scope });
            const expected = foldedStatus(item, known, asOf);
            expect(status.items).toEqual(expected);
            expect(Object.values(status.counts).reduce((sum, count) => sum + count, 0)).toBe(expected.length);
            expect(expected.every((row) => status.counts[row.state] === 1)).toBe(true);
            const positions = await buildPositions(readers, { asOf, scope, divergent: false });
            expect(positions.items).toEqual(foldedPositions(item, known, parties, asOf));
          }
        }
      }),
      { numRuns: 60, seed: 21 },
    );
    expect(await services.get(AuditService).verify()).toMatchObject({ ok: true });
  }, 600_000);
});
