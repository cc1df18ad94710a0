import { checkItemTransition, type ItemPosition, type TransitionProblem } from './transition-check.js';
import type { WorkflowState } from './workflow.definition.js';

export interface BatchItem extends ItemPosition {
  readonly id: string;
  readonly slug: string;
  readonly version: number;
}

export interface BatchEntry {
  // The item's id or slug, as the caller wrote it.
  readonly item: string;
  readonly to: WorkflowState;
  readonly reason: string | null;
  readonly expectedVersion?: number;
}

export type EntryProblem =
  | TransitionProblem
  | { readonly kind: 'item_not_found'; readonly message: string }
  | { readonly kind: 'duplicate_item'; readonly message: string; readonly firstIndex: number }
  | { readonly kind: 'version_mismatch'; readonly message: string; readonly currentVersion: number };

export interface EntryFailure<E extends BatchEntry = BatchEntry> {
  readonly index: number;
  readonly entry: E;
  readonly problem: EntryProblem;
}

export interface CheckedMove<E extends BatchEntry, T extends BatchItem> {
  readonly entry: E;
  readonly item: T;
}

export type BatchCheck<E extends BatchEntry, T extends BatchItem> =
  | { readonly ok: true; readonly moves: CheckedMove<E, T>[] }
  | { readonly ok: false; readonly failures: EntryFailure<E>[] };

// Checks every entry of a batch, all dated the same day, before anything is written, and reports
// every failing entry (its first problem), not just the first one. `items` holds each known item
// under its id and its slug. An item named twice, by id or by slug, fails from its second mention.
export function checkBatch<E extends BatchEntry, T extends BatchItem>(
  entries: readonly E[],
  items: ReadonlyMap<string, T>,
  effectiveOn: string,
): BatchCheck<E, T> {
  const firstIndexOf = new Map<string, number>();
  const moves: CheckedMove<E, T>[] = [];
  const failures: EntryFailure<E>[] = [];
  entries.forEach((entry, index) => {
    const item = items.get(entry.item);
    const problem = item ? entryProblem(entry, item, effectiveOn, firstIndexOf.get(item.id)) : notFound(entry);
    if (item && !firstIndexOf.has(item.id)) {
      firstIndexOf.set(item.id, index);
    }
    if (problem) {
      failures.push({ index, entry, problem });
    } else if (item) {
      moves.push({ entry, item });
    }
  });
  return failures.length > 0 ? { ok: false, failures } : { ok: true, moves };
}

function entryProblem(
  entry: BatchEntry,
  item: BatchItem,
  effectiveOn: string,
  firstIndex: number | undefined,
): EntryProblem | undefined {
  if (firstIndex !== undefined) {
    return {
      kind: 'duplicate_item',
      message: `Item ${item.slug} is already in this batch at index ${firstIndex}; give each item one outcome.`,
      firstIndex,
    };
  }
  if (entry.expectedVersion !== undefined && entry.expectedVersion !== item.version) {
    return {
      kind: 'version_mismatch',
      message: `Expected version ${entry.expectedVersion}, but ${item.slug} is at version ${item.version}.`,
      currentVersion: item.version,
    };
  }
  return checkItemTransition(item, { to: entry.to, reason: entry.reason, effectiveOn });
}

function notFound(entry: BatchEntry): EntryProblem {
  return { kind: 'item_not_found', message: `No item has the id or slug "${entry.item}".` };
}
