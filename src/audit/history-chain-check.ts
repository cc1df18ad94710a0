import { GENESIS_HASH, eventHash, type HashedEventFields } from '../history/event-hash.js';
import { ItemTimeline, parseChanges } from '../history/item-timeline.js';
import type { AuditProblemKind } from './audit-report.view.js';
import { formatCheckpoint, type Checkpoint } from './checkpoint.js';

export interface StoredEvent extends HashedEventFields {
  readonly id: number;
  readonly hash: string;
}

export interface StoredItem {
  readonly id: string;
  readonly state: string;
  readonly stateSince: string;
  readonly version: number;
}

// A problem as the check sees it: items by id (the auditor names them by slug).
export interface ChainProblem {
  readonly kind: AuditProblemKind;
  readonly eventId?: number;
  readonly itemId?: string;
  readonly seq?: number;
  readonly message: string;
}

// A broken link or a gap in an item's sequence says that something is wrong, not what: the auditor
// asks the database where the missing neighbour went before naming it.
export type Finding =
  | { readonly kind: 'problem'; readonly problem: ChainProblem }
  | { readonly kind: 'broken_link'; readonly event: StoredEvent; readonly previous: StoredEvent | undefined }
  | { readonly kind: 'seq_gap'; readonly event: StoredEvent; readonly expectedSeq: number };

// What an item's history says so far: what its row must agree with at the end.
interface ItemTrack {
  readonly timeline: ItemTimeline;
  hasRow: boolean;
}

// Checks the history one event at a time, in id order: the hashes and links of the chain here,
// each item's events by the rules of its timeline (history/item-timeline.ts), holding one small
// record per item and per standing dated event, nothing per other event.
export class HistoryChainCheck {
  private readonly items = new Map<string, ItemTrack>();
  private previous: StoredEvent | undefined;
  private count = 0;
  private nextCheckpoint = 0;
  // The first event not yet covered by a matching checkpoint: where a rewrite could begin.
  private unconfirmedFrom: number | undefined;

  constructor(private readonly checkpoints: readonly Checkpoint[] = []) {}

  get events(): number {
    return this.count;
  }

  get head(): string {
    return this.previous?.hash ?? GENESIS_HASH;
  }

  event(event: StoredEvent): Finding | undefined {
    if (eventHash(event) !== event.hash) {
      return problemAt(
        'changed_content',
        event,
        `Event #${event.id} does not hash to its stored hash: its content was changed after it was recorded.`,
      );
    }
    if (event.prevHash !== this.head) {
      return { kind: 'broken_link', event, previous: this.previous };
    }
    const finding = this.followItem(event);
    if (finding) {
      return finding;
    }
    this.count += 1;
    this.previous = event;
    this.unconfirmedFrom ??= event.id;
    return this.compareCheckpoints(event);
  }

  // After the last event: a checkpoint counting more events than there are.
  end(): Finding | undefined {
    const beyond = this.checkpoints.at(this.nextCheckpoint);
    if (!beyond) {
      return undefined;
    }
    return problem({
      kind: 'missing_event',
      message:
        `The checkpoint ${formatCheckpoint(beyond)} counts ${beyond.events} events, but the history holds only ` +
        `${this.count}: events were removed from its end.`,
    });
  }

  item(row: StoredItem): Finding | undefined {
    const track = this.items.get(row.id);
    if (!track) {
      return problem({ kind: 'item_mismatch', itemId: row.id, message: 'The item has no history events.' });
    }
    track.hasRow = true;
    const { timeline } = track;
    const history = { state: timeline.state, stateSince: timeline.stateSince, version: timeline.seq };
    if (row.state !== history.state || row.stateSince !== history.stateSince || row.version !== history.version) {
      return problem({
        kind: 'item_mismatch',
        itemId: row.id,
        message: `The item row says ${describeItem(row)}; its history says ${describeItem(history)}.`,
      });
    }
    return undefined;
  }

  // After every item row: history that belongs to no item.
  itemsWithoutRow(): Finding | undefined {
    for (const [itemId, track] of this.items) {
      if (!track.hasRow) {
        return problem({
          kind: 'item_mismatch',
          itemId,
          message: `The history holds ${track.timeline.seq} events for this item, but its row is gone.`,
        });
      }
    }
    return undefined;
  }

  private followItem(event: StoredEvent): Finding | undefined {
    const track = this.items.get(event.itemId) ?? { timeline: new ItemTimeline(), hasRow: false };
    const expectedSeq = track.timeline.seq + 1;
    if (event.seq > expectedSeq) {
      return { kind: 'seq_gap', event, expectedSeq };
    }
    if (event.seq < expectedSeq) {
      return inconsistent(event, `repeats seq ${event.seq}; its item is at seq ${expectedSeq - 1} already`);
    }
    const changes = parseChanges(event.changes);
    if (changes === undefined) {
      return inconsistent(event, 'has changes that are not JSON');
    }
    const wrong = track.timeline.apply({ ...event, party: event.partyId, changes });
    if (wrong !== undefined) {
      return inconsistent(event, wrong);
    }
    this.items.set(event.itemId, track);
    return undefined;
  }

  private compareCheckpoints(event: StoredEvent): Finding | undefined {
    for (;;) {
      const checkpoint = this.checkpoints.at(this.nextCheckpoint);
      if (checkpoint?.events !== this.count) {
        return undefined;
      }
      if (checkpoint.hash !== event.hash) {
        return problemAt(
          'checkpoint_mismatch',
          event,
          // A mismatch alone cannot tell a mistyped checkpoint from a rewritten history: say both.
          `The first ${this.count} events hash to ${event.hash}, not to the published ${checkpoint.hash}. ` +
            `Either that checkpoint was copied wrong, or an event from #${this.unconfirmedFrom} to #${event.id} ` +
            `was changed after it was published (and the hashes after it recomputed).`,
        );
      }
      this.unconfirmedFrom = undefined;
      this.nextCheckpoint += 1;
    }
  }
}

export function eventProblem(kind: AuditProblemKind, event: StoredEvent, message: string): ChainProblem {
  return { kind, eventId: event.id, itemId: event.itemId, seq: event.seq, message };
}

function problem(found: ChainProblem): Finding {
  return { kind: 'problem', problem: found };
}

function problemAt(kind: AuditProblemKind, event: StoredEvent, message: string): Finding {
  return problem(eventProblem(kind, event, message));
}

function inconsistent(event: StoredEvent, what: string): Finding {
  return problemAt('inconsistent_event', event, `Event #${event.id} ${what}.`);
}

function describeItem(item: { state: string | null; stateSince: string; version: number }): string {
  return `${item.state ?? 'no state'} since ${item.stateSince}, version ${item.version}`;
}
