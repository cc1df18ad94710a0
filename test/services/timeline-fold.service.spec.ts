import fc from 'fast-check';
import { AuditService } from '../../src/audit/audit.service.js';
import { DomainError } from '../../src/common/domain-error.js';
import { CorrectionsService } from '../../src/corrections/corrections.service.js';
import { amendHistory, positionsOn, standingState, stateOn } from '../../src/history/amended-history.js';
import { HistoryRepository } from '../../src/history/history.repository.js';
import { foldTimeline } from '../../src/history/item-timeline.js';
import { PositionRepository } from '../../src/history/position.repository.js';
import { ItemRepository } from '../../src/items/item.repository.js';
import { ItemsService } from '../../src/items/items.service.js';
import { ReportReadRepository } from '../../src/reports/report-read.repository.js';
import type { PartyEntity } from '../../src/parties/party.entity.js';
import { STANCES } from '../../src/parties/stance.js';
import { WORKFLOW_STATES } from '../../src/workflow/workflow.definition.js';
import { makeItem, makeParty, TEST_ACTOR } from './support/factories.js';
import { startServices, type ServiceContext } from './support/service-context.js';

// For random histories written through the services (transitions, positions, corrections and
// retractions, each kept or refused by the rules), the ways of reading where an item stands agree:
// its row, the rules' fold (item-timeline.ts), the read fold (amended-history.ts), the SQL fast
// paths the reports and the item answers take for items without amendments, and audit verify.

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

describe('the fold and the SQL fast paths agree', () => {
  let services: ServiceContext;
  let parties: PartyEntity[];
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

  it('for random histories: the row, both folds, the SQL fast paths and audit verify', async () => {
    await fc.assert(
      fc.asyncProperty(steps, async (history) => {
        const item = await makeItem(services, { proposedOn: PROPOSED_ON });
        for (const step of history) {
          await apply(item.slug, item.id, step);
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
      }),
      { numRuns: 60, seed: 21 },
    );
    expect(await services.get(AuditService).verify()).toMatchObject({ ok: true });
  }, 600_000);
});
