import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { selectRows } from '../database/sql.js';
import { assessmentKey, type StandingAssessment } from '../assessments/assessment-check.js';
import type { Score } from '../assessments/score.js';
import { amendHistory, assessmentsOn, type AmendedAssessment, type RecordedEvent } from './amended-history.js';
import { groupByItem, RECORDED_EVENTS, type RecordedEventRow } from './history.repository.js';

// Assessments are `assessed` events in the history: every statement that reads them. Each party's
// assessments of an item are a timeline, corrected and retracted like positions, so every read
// folds the item's assessments with what may overrule them (amended-history.ts).
const ASSESSMENT_ACTIONS = `e."action" IN ('assessed', 'corrected', 'retracted')`;

const ASSESSMENT_EVENTS_OF_ITEMS = `
  ${RECORDED_EVENTS}
  WHERE e."item_id" IN (:...itemIds) AND ${ASSESSMENT_ACTIONS}
  ORDER BY e."item_id", e."seq"`;

// Every item's assessments (and the corrections and retractions among its events), recorded by
// :knownAt when given, for the compliance report (IDX_history_events_action_item).
const ALL_ASSESSMENT_EVENTS = (knownAt: boolean) => `
  ${RECORDED_EVENTS}
  WHERE ${ASSESSMENT_ACTIONS}${knownAt ? ' AND e."recorded_at" <= :knownAt' : ''}
  ORDER BY e."item_id", e."seq"`;

export interface AssessmentView {
  readonly party: string;
  readonly score: Score;
  readonly since: string;
  readonly evidence: string | null;
}

@Injectable()
export class AssessmentRepository {
  // Each party's standing score on the item, corrections applied, in party slug order.
  async currentOfItem(manager: EntityManager, itemId: string): Promise<AssessmentView[]> {
    const events = (await this.eventsOf(manager, [itemId])).get(itemId) ?? [];
    return [...assessmentsOn(amendHistory(events)).values()]
      .map(present)
      .sort((a, b) => (a.party < b.party ? -1 : a.party > b.party ? 1 : 0));
  }

  // The standing assessment of every party of each of these items, by assessmentKey.
  async standingOn(manager: EntityManager, itemIds: readonly string[]): Promise<Map<string, StandingAssessment>> {
    const standing = new Map<string, StandingAssessment>();
    for (const [itemId, events] of await this.eventsOf(manager, itemIds)) {
      for (const [party, event] of assessmentsOn(amendHistory(events))) {
        standing.set(assessmentKey(itemId, party), { score: event.score, effectiveOn: event.effectiveOn });
      }
    }
    return standing;
  }

  // Read model for the compliance report: each item's assessments and what overrules them, as
  // recorded by knownAt, by item id, oldest first.
  async allKnownAt(manager: EntityManager, knownAt: string | undefined): Promise<Map<string, RecordedEvent[]>> {
    return groupByItem(
      await selectRows<RecordedEventRow>(manager, ALL_ASSESSMENT_EVENTS(knownAt !== undefined), { knownAt }),
    );
  }

  private async eventsOf(manager: EntityManager, itemIds: readonly string[]): Promise<Map<string, RecordedEvent[]>> {
    if (itemIds.length === 0) {
      return new Map();
    }
    // A list parameter: expanded by the driver, so not through selectRows.
    const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(ASSESSMENT_EVENTS_OF_ITEMS, {
      itemIds,
    });
    return groupByItem(await manager.query<RecordedEventRow[]>(sql, parameters));
  }
}

function present(event: AmendedAssessment): AssessmentView {
  return { party: event.party, score: event.score, since: event.effectiveOn, evidence: event.reason };
}
