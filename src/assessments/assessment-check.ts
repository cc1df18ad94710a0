import { checkPartyBatch, positionKey } from '../positions/position-check.js';
import type { Score } from './score.js';

export interface AssessedItem {
  readonly id: string;
  readonly slug: string;
  readonly proposedOn: string;
}

export interface AssessedParty {
  readonly id: string;
  readonly slug: string;
}

// A party's standing assessment of an item: what a new one is checked against.
export interface StandingAssessment {
  readonly score: Score;
  readonly effectiveOn: string;
}

export interface AssessmentEntry {
  // The item and the party as the caller named them (id or slug).
  readonly item: string;
  readonly party: string;
  readonly score: Score;
}

export type AssessmentProblem =
  | { readonly kind: 'item_not_found'; readonly message: string }
  | { readonly kind: 'party_not_found'; readonly message: string }
  | { readonly kind: 'duplicate_assessment'; readonly message: string; readonly firstIndex: number }
  | { readonly kind: 'before_proposed'; readonly message: string }
  | { readonly kind: 'before_previous_assessment'; readonly message: string };

export interface AssessmentFailure<E extends AssessmentEntry = AssessmentEntry> {
  readonly index: number;
  readonly entry: E;
  readonly problem: AssessmentProblem;
}

export interface CheckedAssessment<E extends AssessmentEntry, T extends AssessedItem, P extends AssessedParty> {
  readonly entry: E;
  readonly item: T;
  readonly party: P;
  readonly previous: StandingAssessment | undefined;
}

export interface AssessmentBatchContext<T extends AssessedItem, P extends AssessedParty> {
  // Each known item and party under its id and its slug.
  readonly items: ReadonlyMap<string, T>;
  readonly parties: ReadonlyMap<string, P>;
  // Standing assessments by assessmentKey.
  readonly standing: ReadonlyMap<string, StandingAssessment>;
}

// Where a party's standing assessments are kept: one key per item and party (by its slug), as
// for positions.
export const assessmentKey = positionKey;

// Checks every assessment of a batch, all dated the same day (the end of the monitoring period),
// and reports every failing one (its first problem). Like positions, a party's assessments of one
// item only move forward: not before the item was proposed, not before its standing assessment.
// A cell named twice fails from its second mention.
export function checkAssessmentBatch<E extends AssessmentEntry, T extends AssessedItem, P extends AssessedParty>(
  entries: readonly E[],
  context: AssessmentBatchContext<T, P>,
  effectiveOn: string,
): { checked: CheckedAssessment<E, T, P>[]; failures: AssessmentFailure<E>[] } {
  return checkPartyBatch(
    entries,
    context,
    (item, party, firstIndex): AssessmentProblem => ({
      kind: 'duplicate_assessment',
      message: `${party.slug}'s score on ${item.slug} is already in this batch at index ${firstIndex}; give each cell one score.`,
      firstIndex,
    }),
    (item, party, previous): AssessmentProblem | undefined =>
      effectiveOn < item.proposedOn
        ? {
            kind: 'before_proposed',
            message: `The assessment's date ${effectiveOn} is before ${item.slug} was proposed on ${item.proposedOn}.`,
          }
        : previous && effectiveOn < previous.effectiveOn
          ? {
              kind: 'before_previous_assessment',
              message: `The assessment's date ${effectiveOn} is before ${party.slug}'s standing assessment of ${item.slug}, on ${previous.effectiveOn}.`,
            }
          : undefined,
  );
}
