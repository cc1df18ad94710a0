import type { Stance } from '../parties/stance.js';

export interface PositionedItem {
  readonly id: string;
  readonly slug: string;
  readonly proposedOn: string;
}

export interface PositionParty {
  readonly id: string;
  readonly slug: string;
}

// A party's standing position on an item: what a new one is checked against.
export interface StandingPosition {
  readonly stance: Stance;
  readonly effectiveOn: string;
}

export type PositionProblem =
  | { readonly kind: 'before_proposed'; readonly message: string; readonly proposedOn: string }
  | { readonly kind: 'before_previous_position'; readonly message: string; readonly previousPositionOn: string };

// A position is dated like a transition, and a party's positions on one item only move forward:
// not before the item was proposed, not before the same party's previous position.
export function checkPosition(
  item: PositionedItem,
  party: PositionParty,
  previous: StandingPosition | undefined,
  effectiveOn: string,
): PositionProblem | undefined {
  if (effectiveOn < item.proposedOn) {
    return {
      kind: 'before_proposed',
      message: `The position's date ${effectiveOn} is before ${item.slug} was proposed on ${item.proposedOn}.`,
      proposedOn: item.proposedOn,
    };
  }
  if (previous && effectiveOn < previous.effectiveOn) {
    return {
      kind: 'before_previous_position',
      message: `The position's date ${effectiveOn} is before ${party.slug}'s previous position on ${item.slug}, on ${previous.effectiveOn}.`,
      previousPositionOn: previous.effectiveOn,
    };
  }
  return undefined;
}

// Where a party's standing positions are kept: one key per item and party (by its slug).
export function positionKey(itemId: string, partySlug: string): string {
  return `${itemId} ${partySlug}`;
}

export interface PositionEntry {
  // The item and the party as the caller named them (id or slug).
  readonly item: string;
  readonly party: string;
  readonly stance: Stance;
}

export type PositionEntryProblem =
  | PositionProblem
  | { readonly kind: 'item_not_found'; readonly message: string }
  | { readonly kind: 'party_not_found'; readonly message: string }
  | { readonly kind: 'duplicate_position'; readonly message: string; readonly firstIndex: number };

export interface PositionFailure<E extends PositionEntry = PositionEntry> {
  readonly index: number;
  readonly entry: E;
  readonly problem: PositionEntryProblem;
}

export interface CheckedPosition<E extends PositionEntry, T extends PositionedItem, P extends PositionParty> {
  readonly entry: E;
  readonly item: T;
  readonly party: P;
  readonly previous: StandingPosition | undefined;
}

export interface PositionBatchContext<T extends PositionedItem, P extends PositionParty> {
  // Each known item and party under its id and its slug.
  readonly items: ReadonlyMap<string, T>;
  readonly parties: ReadonlyMap<string, P>;
  // Standing positions by positionKey.
  readonly standing: ReadonlyMap<string, StandingPosition>;
}

// An entry naming an item and a party (each by id or slug), and where such entries fail.
export interface PartyEntry {
  readonly item: string;
  readonly party: string;
}

export type PartyEntryFailure<E, Problem> = { readonly index: number; readonly entry: E; readonly problem: Problem };

type UnknownReference = { readonly kind: 'item_not_found' | 'party_not_found'; readonly message: string };

// The walk a batch of party entries (positions, assessments) shares: each entry's item and party
// looked up, a party named twice for one item refused from its second mention (`duplicate`), then
// the entry's own check against the party's standing entry of that kind (`check`). Every failing
// entry is reported with its first problem.
export function checkPartyBatch<
  E extends PartyEntry,
  T extends PositionedItem,
  P extends PositionParty,
  S,
  Problem extends { readonly kind: string; readonly message: string },
>(
  entries: readonly E[],
  context: {
    readonly items: ReadonlyMap<string, T>;
    readonly parties: ReadonlyMap<string, P>;
    readonly standing: ReadonlyMap<string, S>;
  },
  duplicate: (item: T, party: P, firstIndex: number) => Problem,
  check: (item: T, party: P, previous: S | undefined) => Problem | undefined,
): {
  checked: { entry: E; item: T; party: P; previous: S | undefined }[];
  failures: PartyEntryFailure<E, Problem | UnknownReference>[];
} {
  const firstIndexOf = new Map<string, number>();
  const checked: { entry: E; item: T; party: P; previous: S | undefined }[] = [];
  const failures: PartyEntryFailure<E, Problem | UnknownReference>[] = [];
  entries.forEach((entry, index) => {
    const fail = (problem: Problem | UnknownReference) => failures.push({ index, entry, problem });
    const item = context.items.get(entry.item);
    const party = context.parties.get(entry.party);
    if (!item) {
      fail({ kind: 'item_not_found', message: `No item has the id or slug "${entry.item}".` });
      return;
    }
    if (!party) {
      fail({ kind: 'party_not_found', message: `No party has the id or slug "${entry.party}".` });
      return;
    }
    const key = positionKey(item.id, party.slug);
    const firstIndex = firstIndexOf.get(key);
    if (firstIndex !== undefined) {
      fail(duplicate(item, party, firstIndex));
      return;
    }
    firstIndexOf.set(key, index);
    const previous = context.standing.get(key);
    const problem = check(item, party, previous);
    if (problem) {
      fail(problem);
    } else {
      checked.push({ entry, item, party, previous });
    }
  });
  return { checked, failures };
}

// Checks every position of a batch, all dated the same day, and reports every failing one (its
// first problem). A party named twice for one item fails from its second mention.
export function checkPositionBatch<E extends PositionEntry, T extends PositionedItem, P extends PositionParty>(
  entries: readonly E[],
  context: PositionBatchContext<T, P>,
  effectiveOn: string,
): { checked: CheckedPosition<E, T, P>[]; failures: PositionFailure<E>[] } {
  return checkPartyBatch(
    entries,
    context,
    (item, party, firstIndex): PositionEntryProblem => ({
      kind: 'duplicate_position',
      message: `${party.slug}'s position on ${item.slug} is already in this batch at index ${firstIndex}; give each party one position per item.`,
      firstIndex,
    }),
    (item, party, previous) => checkPosition(item, party, previous, effectiveOn),
  );
}
