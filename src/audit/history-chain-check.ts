import { readScore } from '../assessments/score.js';
import { GENESIS_HASH, eventHash, type HashedEventFields } from '../history/event-hash.js';
import { isStance } from '../parties/stance.js';
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

// One standing dated event of an item (its creation, a transition or a position not retracted), as
// corrected.
interface StandingStep {
  readonly seq: number;
  readonly action: string;
  readonly state: string | null;
  effectiveOn: string;
}

// What an item's history says so far: what its row must agree with at the end. `steps` holds the
// standing state events, oldest first, which corrections and retractions refer to; the state and
// stateSince are those of the last one. Each party's standing positions are a timeline of their own.
interface ItemTrack {
  seq: number;
  state: string | null;
  stateSince: string;
  steps: StandingStep[];
  hasRow: boolean;
  // By party id, made only when the item has a position.
  positions?: Map<string, StandingStep[]>;
}

// Checks the history one event at a time, in id order, holding one small record per item and per
// standing transition or position (what a later correction or retraction may name), nothing per
// other event.
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
    const beyond = this.checkpoints[this.nextCheckpoint];
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
    const history = { state: track.state, stateSince: track.stateSince, version: track.seq };
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
          message: `The history holds ${track.seq} events for this item, but its row is gone.`,
        });
      }
    }
    return undefined;
  }

  private followItem(event: StoredEvent): Finding | undefined {
    const track = this.items.get(event.itemId);
    const expectedSeq = (track?.seq ?? 0) + 1;
    if (event.seq > expectedSeq) {
      return { kind: 'seq_gap', event, expectedSeq };
    }
    if (event.seq < expectedSeq) {
      return inconsistent(event, `repeats seq ${event.seq}; its item is at seq ${expectedSeq - 1} already`);
    }
    if (!track) {
      if (event.action !== 'created') {
        return inconsistent(event, `is its item's first event but records "${event.action}", not "created"`);
      }
      const steps = [{ seq: 1, action: event.action, state: event.toState, effectiveOn: event.effectiveOn }];
      this.items.set(event.itemId, {
        seq: 1,
        state: event.toState,
        stateSince: event.effectiveOn,
        steps,
        hasRow: false,
      });
      return undefined;
    }
    if (event.action === 'created') {
      return inconsistent(event, 'records a second creation of its item');
    }
    const assessed = event.action === 'assessed';
    if (event.action !== 'positioned' && (event.stance !== null || (!assessed && event.partyId !== null))) {
      return inconsistent(event, `records "${event.action}" but names a party or a stance`);
    }
    if (!assessed && (event.score ?? null) !== null) {
      return inconsistent(event, `records "${event.action}" but holds a score`);
    }
    if (event.fromState !== track.state) {
      return inconsistent(event, `says the item was ${event.fromState}, but its history had left it ${track.state}`);
    }
    // A position (or an assessment) is no step of the item's state: it is followed on its own.
    if (event.action === 'positioned' || assessed) {
      return this.followPosition(event, track);
    }
    const finding = followAction(track, event);
    if (finding) {
      return finding;
    }
    const last = track.steps[track.steps.length - 1];
    track.state = last.state;
    track.stateSince = last.effectiveOn;
    track.seq = event.seq;
    return undefined;
  }

  // A position leaves the item's state alone and never goes back in time for its party.
  private followPosition(event: StoredEvent, track: ItemTrack): Finding | undefined {
    if (event.toState !== event.fromState) {
      return inconsistent(event, `is a position but moves the item from ${event.fromState} to ${event.toState}`);
    }
    const assessed = event.action === 'assessed';
    if (event.partyId === null || (assessed ? readScore(event.score) === null : !isStance(event.stance))) {
      return inconsistent(
        event,
        `is ${assessed ? 'an assessment without a party or a known score' : 'a position without a party or a known stance'}`,
      );
    }
    if (event.corrects !== null || event.retracts !== null) {
      return inconsistent(event, 'is a position but names an event it corrects or retracts');
    }
    track.positions ??= new Map();
    // Each party's assessments are a timeline of their own, beside its positions.
    const key = assessed ? `assessment:${event.partyId}` : event.partyId;
    const timeline = track.positions.get(key) ?? [];
    const previous = timeline.at(-1)?.effectiveOn;
    if (previous !== undefined && event.effectiveOn < previous) {
      return inconsistent(
        event,
        `takes effect on ${event.effectiveOn}, before the party's previous position on ${previous}: its positions moved backwards`,
      );
    }
    timeline.push({ seq: event.seq, action: event.action, state: null, effectiveOn: event.effectiveOn });
    track.positions.set(key, timeline);
    track.seq = event.seq;
    return undefined;
  }

  private compareCheckpoints(event: StoredEvent): Finding | undefined {
    for (;;) {
      const checkpoint = this.checkpoints[this.nextCheckpoint];
      if (checkpoint?.events !== this.count) {
        return undefined;
      }
      if (checkpoint.hash !== event.hash) {
        return problemAt(
          'checkpoint_mismatch',
          event,
          `The first ${this.count} events hash to ${event.hash}, not to the published ${checkpoint.hash}: ` +
            `an event from #${this.unconfirmedFrom} to #${event.id} was rewritten and the hashes after it recomputed.`,
        );
      }
      this.unconfirmedFrom = undefined;
      this.nextCheckpoint += 1;
    }
  }
}

// Applies one event after the item's creation to its standing steps, or says why it cannot be.
function followAction(track: ItemTrack, event: StoredEvent): Finding | undefined {
  if (event.action !== 'corrected' && event.corrects !== null) {
    return inconsistent(event, `records "${event.action}" but names event ${event.corrects} as corrected`);
  }
  if (event.action !== 'retracted' && event.retracts !== null) {
    return inconsistent(event, `records "${event.action}" but names event ${event.retracts} as retracted`);
  }
  switch (event.action) {
    case 'transitioned':
      if (event.effectiveOn < track.stateSince) {
        return inconsistent(
          event,
          `takes effect on ${event.effectiveOn}, before the item's previous change on ${track.stateSince}: its timeline moved backwards`,
        );
      }
      track.steps.push({ seq: event.seq, action: event.action, state: event.toState, effectiveOn: event.effectiveOn });
      return undefined;
    case 'updated':
      return event.toState === event.fromState
        ? undefined
        : inconsistent(event, `is an update but moves the item from ${event.fromState} to ${event.toState}`);
    case 'corrected':
      return followCorrection(track, event);
    case 'retracted':
      return followRetraction(track, event);
    default:
      return inconsistent(event, `records an unknown action "${event.action}"`);
  }
}

// Where a correction or a retraction may point: a standing transition, in the item's state
// timeline, or a standing position, in its party's timeline.
function amendableStep(track: ItemTrack, seq: number | null): { timeline: StandingStep[]; index: number } | undefined {
  const timelines = [track.steps, ...(track.positions?.values() ?? [])];
  for (const timeline of timelines) {
    const index = timeline.findIndex((step) => step.seq === seq && step.action !== 'created');
    if (index >= 0) {
      return { timeline, index };
    }
  }
  return undefined;
}

// A correction names a standing transition or position of its item and keeps the dated timeline
// of its kind in order (a party's first position not before the item was proposed).
function followCorrection(track: ItemTrack, event: StoredEvent): Finding | undefined {
  const found = amendableStep(track, event.corrects);
  if (!found) {
    return inconsistent(
      event,
      `corrects event ${event.corrects ?? 'none'}, which is not a standing transition or position of its item`,
    );
  }
  if (event.toState !== event.fromState) {
    return inconsistent(event, `is a correction but moves the item from ${event.fromState} to ${event.toState}`);
  }
  const { timeline, index } = found;
  const step = timeline[index];
  const effectiveOn = correctedDate(event.changes);
  if (effectiveOn === 'unreadable') {
    return inconsistent(event, 'is a correction whose changes are not a JSON object');
  }
  if (effectiveOn === undefined) {
    return undefined;
  }
  const earliest = timeline[index - 1]?.effectiveOn ?? track.steps[0].effectiveOn;
  const latest = timeline[index + 1]?.effectiveOn;
  if (
    effectiveOn.from !== step.effectiveOn ||
    effectiveOn.to < earliest ||
    (latest !== undefined && effectiveOn.to > latest)
  ) {
    return inconsistent(
      event,
      `moves event ${step.seq} from ${String(effectiveOn.from)} to ${effectiveOn.to}, but it took effect on ` +
        `${step.effectiveOn} between ${earliest} and ${latest ?? 'now'}: the timeline would lose its order`,
    );
  }
  step.effectiveOn = effectiveOn.to;
  return undefined;
}

// Only the latest standing event of a timeline can be retracted: a transition returns the item to
// the state before it; a position leaves the state alone (its party returns to the one before).
function followRetraction(track: ItemTrack, event: StoredEvent): Finding | undefined {
  const found = amendableStep(track, event.retracts);
  if (!found || found.index !== found.timeline.length - 1) {
    return inconsistent(
      event,
      `retracts event ${event.retracts ?? 'none'}, which is not its item's latest standing transition, nor a party's latest standing position on it`,
    );
  }
  const { timeline } = found;
  const expected = timeline === track.steps ? timeline[timeline.length - 2].state : event.fromState;
  if (event.toState !== expected) {
    return inconsistent(
      event,
      `returns the item to ${event.toState}, but before event ${event.retracts} it was ${expected}`,
    );
  }
  timeline.pop();
  return undefined;
}

function correctedDate(changes: string): { from: unknown; to: string } | 'unreadable' | undefined {
  let parsed: Record<string, { from: unknown; to: unknown } | undefined>;
  try {
    parsed = JSON.parse(changes) as typeof parsed;
  } catch {
    return 'unreadable';
  }
  const change = parsed?.effectiveOn;
  return change && typeof change.to === 'string' ? { from: change.from, to: change.to } : undefined;
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
