import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { selectTuples } from '../database/sql.js';
import { assessmentKey, type StandingAssessment } from '../assessments/assessment-check.js';
import { readScore, type Score } from '../assessments/score.js';
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

// Each party's latest assessed event of each item effective by :day: its highest seq, as a party's
// assessments of an item only move forward in time. SQLite takes the other columns from the row of
// MAX("seq"); PostgreSQL says the same with DISTINCT ON.
const LATEST_ASSESSMENTS = (postgres: boolean, knownAt: boolean) => {
  const where = `e."action" = 'assessed' AND e."effective_on" <= :day${knownAt ? ' AND e."recorded_at" <= :knownAt' : ''}`;
  return postgres
    ? `SELECT DISTINCT ON (e."item_id", e."party_id") e."item_id", p."slug", e."score", e."effective_on"
       FROM "history_events" e INNER JOIN "parties" p ON p."id" = e."party_id"
       WHERE ${where} ORDER BY e."item_id", e."party_id", e."seq" DESC`
    : `SELECT e."item_id", p."slug", e."score", e."effective_on", MAX(e."seq")
       FROM "history_events" e INNER JOIN "parties" p ON p."id" = e."party_id"
       WHERE ${where} GROUP BY e."item_id", e."party_id"`;
};

export interface AssessmentAsOf {
  readonly score: Score;
  readonly since: string;
}

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

  // Read model for the compliance report: each party's latest assessment of each item effective by
  // `day` (recorded by knownAt), by item id, then party slug, without corrections: the report folds
  // the items that have some (ScopedHistory).
  async latestAsOf(
    manager: EntityManager,
    day: string,
    knownAt: string | undefined,
  ): Promise<Map<string, Map<string, AssessmentAsOf>>> {
    const sql = LATEST_ASSESSMENTS(manager.dataSource.options.type === 'postgres', knownAt !== undefined);
    const latest = new Map<string, Map<string, AssessmentAsOf>>();
    // Thousands of rows: read as arrays (item, party, score, since, and on SQLite the seq).
    for (const [itemId, party, stored, since] of await selectTuples<[string, string, string, string]>(manager, sql, {
      day,
      knownAt,
    })) {
      const score = readScore(stored);
      if (score !== null) {
        let ofItem = latest.get(itemId);
        if (!ofItem) {
          ofItem = new Map();
          latest.set(itemId, ofItem);
        }
        ofItem.set(party, { score, since });
      }
    }
    return latest;
  }

  private async eventsOf(manager: EntityManager, itemIds: readonly string[]): Promise<Map<string, RecordedEvent[]>> {
    if (itemIds.length === 0) {
      return new Map();
    }
    // A list parameter: expanded by the driver, so not through selectRows.
    const [sql, parameters] = manager.dataSource.driver.escapeQueryWithParameters(ASSESSMENT_EVENTS_OF_ITEMS, {
      itemIds,
    });
    return groupByItem(await manager.query<RecordedEventRow[]>(sql, parameters));
  }
}

function present(event: AmendedAssessment): AssessmentView {
  return { party: event.party, score: event.score, since: event.effectiveOn, evidence: event.reason };
}
