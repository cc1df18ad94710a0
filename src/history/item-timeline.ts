import { isCalendarDate } from '../common/calendar-date.js';
import { readScore, type Score } from '../assessments/score.js';
import { isStance, type Stance } from '../parties/stance.js';
import { checkPosition } from '../positions/position-check.js';
import { checkItemTransition } from '../workflow/transition-check.js';
import { isWorkflowState } from '../workflow/workflow.machine.js';
import { INITIAL_STATE } from '../workflow/workflow.definition.js';
import { EVENT_ACTIONS, UPDATABLE_FIELDS, type EventAction } from './history-event.types.js';

// The rules of one item's history, in one fold: what `audit verify` checks of every stored event,
// what an import checks of every event in a file, and what a correction or a retraction is
// checked against before it is written (corrections/amendment-rules.ts).
//
// Dated events of one kind follow each other in time: each takes over from the one before it,
// their dates never go backwards, and only the latest standing one may be retracted. The item's
// workflow state is one kind, begun by its creation; each party's timeline on the item (its
// positions, and its compliance scores) is a kind of its own. A party timeline is named by its
// action here, so that another per-party action is one more entry.
export const STATE_KIND = 'state';
// Each names its kind, the field of the event that holds the party's value, how a stored value
// reads (undefined: not a known one), and whether a correction may change that value; the event's
// `changes` record that field from the party's value before to this one, as read.
export const PARTY_TIMELINES = {
  positioned: { kind: 'position', field: 'stance', read: readStance, correctable: false },
  // A score is stored as text (`1`, `n/a`), read back as the API gives it (1, 'n/a'), as `changes` has it.
  assessed: { kind: 'assessment', field: 'score', read: readPartyScore, correctable: true },
} as const satisfies Partial<Record<EventAction, PartyTimeline>>;
type PartyAction = keyof typeof PARTY_TIMELINES;
type PartyField = 'stance' | 'score';
const PARTY_FIELDS: readonly PartyField[] = ['stance', 'score'];

interface PartyTimeline {
  readonly kind: string;
  readonly field: PartyField;
  readonly read: (value: unknown) => unknown;
  readonly correctable: boolean;
}

function readStance(value: unknown): Stance | undefined {
  return isStance(value) ? value : undefined;
}

function readPartyScore(value: unknown): Score | undefined {
  return typeof value === 'number' || typeof value === 'string' ? (readScore(String(value)) ?? undefined) : undefined;
}

const KNOWN_ACTIONS: ReadonlySet<string> = new Set(EVENT_ACTIONS);

// The metadata a correction may amend, named as in the API and in a correction's `changes`;
// `score` on an assessment only.
export const AMENDABLE_FIELDS = ['effectiveOn', 'meeting', 'source', 'reason', 'score'] as const;
export type AmendableField = (typeof AMENDABLE_FIELDS)[number];

// The actions a correction or a retraction may name: the dated events that say where things stand.
export const AMENDABLE_ACTIONS: ReadonlySet<string> = new Set<string>([
  'transitioned',
  ...Object.keys(PARTY_TIMELINES),
]);

export function isPartyAction(action: string): action is PartyAction {
  return action in PARTY_TIMELINES;
}

// The timeline an event belongs to, or undefined for the events that date nothing (updates,
// corrections, retractions). `party` is whatever names the party where the caller stands (its id
// in storage, its slug in a history read back).
export function timelineKind(action: string, party: string | null): string | undefined {
  if (action === 'created' || action === 'transitioned') {
    return STATE_KIND;
  }
  return isPartyAction(action) ? `${PARTY_TIMELINES[action].kind}:${party ?? ''}` : undefined;
}

// An event as the fold sees it: its `changes` parsed, its party named by a stable key.
export interface TimelineEvent {
  readonly seq: number;
  readonly action: string;
  readonly fromState: string | null;
  readonly toState: string | null;
  readonly changes: unknown;
  readonly reason: string | null;
  readonly effectiveOn: string;
  readonly party: string | null;
  readonly stance: string | null;
  // Stored as text, read back as a number or `n/a`; absent from events older than assessments.
  readonly score?: string | number | null;
  readonly corrects: number | null;
  readonly retracts: number | null;
}

// One standing dated event (the creation, a transition, a position not retracted), as corrected.
export interface StandingStep {
  readonly seq: number;
  readonly kind: string;
  readonly state: string | null;
  // A party's value as read (a position's stance, an assessment's score); null on state events.
  value: unknown;
  effectiveOn: string;
}

// A correction's new date must keep its timeline in order: between these two (latest null: now).
export interface CorrectionBounds {
  readonly step: StandingStep;
  readonly earliest: string;
  readonly latest: string | null;
}

// An item's history folded event by event, in seq order. It holds one small record per standing
// dated event, nothing per other event. `apply` answers what is wrong with an event (a phrase that
// follows "Event #N ") and leaves the timeline as it was, or applies it.
export class ItemTimeline {
  private lastSeq = 0;
  private readonly timelines = new Map<string, StandingStep[]>();

  get seq(): number {
    return this.lastSeq;
  }

  // The item's state and the day it took effect: its latest standing state event.
  get state(): string | null {
    return this.stateSteps.at(-1)?.state ?? null;
  }

  get stateSince(): string {
    return this.stateSteps.at(-1)?.effectiveOn ?? '';
  }

  // The standing events of one timeline, oldest first.
  standing(kind: string): readonly StandingStep[] {
    return this.timelines.get(kind) ?? [];
  }

  apply(event: TimelineEvent): string | undefined {
    const problem = this.problemOf(event);
    if (problem === undefined) {
      this.applyChecked(event);
    }
    return problem;
  }

  // Where a correction of event `seq` may move it; undefined if it is no standing transition or
  // party event. A party's first event may not precede the item's proposal, its creation's day.
  correctionBounds(seq: number | null): CorrectionBounds | undefined {
    const found = this.find(seq);
    if (!found) {
      return undefined;
    }
    const { timeline, index } = found;
    return {
      step: timeline[index],
      earliest: timeline[index - 1]?.effectiveOn ?? this.proposedOn,
      latest: timeline[index + 1]?.effectiveOn ?? null,
    };
  }

  // The standing events of its timeline after event `seq`: only without them may it be retracted.
  laterThan(seq: number): number[] {
    const found = this.find(seq);
    return found ? found.timeline.slice(found.index + 1).map((step) => step.seq) : [];
  }

  private get stateSteps(): readonly StandingStep[] {
    return this.standing(STATE_KIND);
  }

  private get proposedOn(): string {
    return this.stateSteps[0]?.effectiveOn ?? '';
  }

  // A standing transition or party event (never the creation) and its place in its timeline.
  private find(seq: number | null): { timeline: StandingStep[]; index: number } | undefined {
    for (const timeline of this.timelines.values()) {
      const index = timeline.findIndex((step) => step.seq === seq && step.seq !== 1);
      if (index >= 0) {
        return { timeline, index };
      }
    }
    return undefined;
  }

  private problemOf(event: TimelineEvent): string | undefined {
    if (event.seq !== this.lastSeq + 1) {
      return `is number ${event.seq} of its item, expected ${this.lastSeq + 1}`;
    }
    if (!isCalendarDate(event.effectiveOn)) {
      return `takes effect on ${JSON.stringify(event.effectiveOn)}, which is not a calendar date YYYY-MM-DD`;
    }
    const shape = changesProblem(event.changes);
    if (shape) {
      return shape;
    }
    if (!KNOWN_ACTIONS.has(event.action)) {
      return `records an unknown action "${event.action}"`;
    }
    // Only a party's event names a party, and only in its own field (a position no score).
    const own = isPartyAction(event.action) ? PARTY_TIMELINES[event.action].field : undefined;
    const stray = PARTY_FIELDS.find((field) => field !== own && (event[field] ?? null) !== null);
    if ((own === undefined && event.party !== null) || stray !== undefined) {
      return `records "${event.action}" but names a party or a ${stray ?? 'stance'}`;
    }
    if (this.lastSeq === 0) {
      return event.action === 'created' && event.fromState === null && event.toState === INITIAL_STATE
        ? this.unreferenced(event)
        : `is its item's first event but records "${event.action}" to ${String(event.toState)}, not "created" to ${INITIAL_STATE}`;
    }
    if (event.action === 'created') {
      return 'records a second creation of its item';
    }
    if (event.fromState !== this.state) {
      return `says the item was ${String(event.fromState)}, but its history had left it ${String(this.state)}`;
    }
    if (event.action !== 'retracted' && event.action !== 'transitioned' && event.toState !== event.fromState) {
      return `records "${event.action}" but moves the item from ${String(event.fromState)} to ${String(event.toState)}`;
    }
    switch (event.action) {
      case 'transitioned':
        return (
          this.unreferenced(event) ??
          recordedChangesProblem(event, { state: { from: event.fromState, to: event.toState } }) ??
          this.transitionProblem(event)
        );
      case 'updated':
        return this.unreferenced(event) ?? updateProblem(event);
      case 'corrected':
        return event.retracts === null
          ? this.correctionProblem(event)
          : `is a correction but names event ${event.retracts} as retracted`;
      case 'retracted':
        return event.corrects === null
          ? this.retractionProblem(event)
          : `is a retraction but names event ${event.corrects} as corrected`;
      default:
        // A party's event; `created` was answered above.
        return isPartyAction(event.action)
          ? (this.unreferenced(event) ?? this.partyEventProblem(event, event.action))
          : undefined;
    }
  }

  private unreferenced(event: TimelineEvent): string | undefined {
    return event.corrects === null && event.retracts === null
      ? undefined
      : `records "${event.action}" but names an event it corrects or retracts`;
  }

  // A move the workflow allows, with its reason where one is required, never back in time: the
  // rule every transition is checked by before it is written (workflow/transition-check.ts).
  private transitionProblem(event: TimelineEvent): string | undefined {
    const from = this.state;
    const to = event.toState;
    if (!isWorkflowState(from) || !isWorkflowState(to)) {
      return `moves the item from ${String(from)} to ${String(to)}, which are not both workflow states`;
    }
    const problem = checkItemTransition(
      { state: from, stateSince: this.stateSince },
      { to, reason: event.reason, effectiveOn: event.effectiveOn },
    );
    return problem && `is a transition its item's rules refuse: ${withoutStop(problem.message)}`;
  }

  // A party's event names the party and a known value, records the change from the party's value
  // before, and moves its timeline forward, not before the item was proposed.
  private partyEventProblem(event: TimelineEvent, action: PartyAction): string | undefined {
    const { kind, field, read } = PARTY_TIMELINES[action];
    const value = read(event[field] ?? null);
    if (event.party === null || value === undefined) {
      return `is a party's ${action} event without a party or a known ${field}`;
    }
    const timeline = this.standing(timelineKind(action, event.party) ?? '');
    const before = timeline.at(-1)?.value ?? null;
    const change = (event.changes as Record<string, { from: unknown; to: unknown } | undefined>)[field];
    if (change?.from !== before || change.to !== value) {
      return `records the party's ${field} as ${JSON.stringify(change ?? null)}, but it changed from ${shown(before)} to ${shown(value)}`;
    }
    // Dated as every position is checked before it is written (positions/position-check.ts).
    const previous = timeline.at(-1);
    const problem = checkPosition(
      { id: '', slug: 'the item', proposedOn: this.proposedOn },
      { id: event.party, slug: 'the party' },
      previous && { stance: previous.value as Stance, effectiveOn: previous.effectiveOn },
      event.effectiveOn,
    );
    return problem && `is a party's ${kind} its timeline refuses: ${withoutStop(problem.message)}`;
  }

  // A correction names a standing transition or party event of its item, changes at least one
  // amendable field, and keeps the dated timeline of its kind in order.
  private correctionProblem(event: TimelineEvent): string | undefined {
    const bounds = this.correctionBounds(event.corrects);
    if (!bounds) {
      return `corrects event ${String(event.corrects)}, which is not a standing transition or position of its item`;
    }
    const changes = event.changes as Record<string, { from: unknown; to: unknown } | undefined>;
    const fields = Object.keys(changes);
    const party = correctableParty(bounds.step.kind);
    const amendable = AMENDABLE_FIELDS.filter((field) => field !== 'score' || party?.field === 'score');
    if (fields.length === 0 || !fields.every((field) => (amendable as readonly string[]).includes(field))) {
      return `is a correction whose changes name ${fields.join(', ') || 'nothing'}, not ${amendable.join(', ')}`;
    }
    const score = changes.score;
    if (score !== undefined && (score.from !== bounds.step.value || readScore(String(score.to)) === null)) {
      return `changes the score from ${String(score.from)} to ${String(score.to)}, but it stood at ${String(bounds.step.value)}`;
    }
    const date = changes.effectiveOn;
    if (date === undefined) {
      return undefined;
    }
    const { step, earliest, latest } = bounds;
    if (
      date.from !== step.effectiveOn ||
      !isCalendarDate(date.to) ||
      date.to < earliest ||
      (latest !== null && date.to > latest)
    ) {
      return (
        `moves event ${step.seq} from ${String(date.from)} to ${String(date.to)}, but it took effect on ` +
        `${step.effectiveOn} between ${earliest} and ${latest ?? 'now'}: the timeline would lose its order`
      );
    }
    return undefined;
  }

  // Only the latest standing event of a timeline can be retracted: a transition returns the item to
  // the state before it; a party's event leaves the state alone.
  private retractionProblem(event: TimelineEvent): string | undefined {
    const bounds = this.correctionBounds(event.retracts);
    if (!bounds || bounds.latest !== null) {
      return `retracts event ${String(event.retracts)}, which is not its item's latest standing transition, nor a party's latest standing position on it`;
    }
    const stateSteps = this.stateSteps;
    const expected = bounds.step.kind === STATE_KIND ? (stateSteps.at(-2)?.state ?? null) : event.fromState;
    if (event.toState !== expected) {
      return `returns the item to ${String(event.toState)}, but before event ${String(event.retracts)} it was ${String(expected)}`;
    }
    return recordedChangesProblem(event, this.retractedChanges(event, bounds.step));
  }

  // What a retraction records as it moves back (as the writer does, corrections.service.ts): a
  // party's value to the one before it in its timeline (or none), or the item's state.
  private retractedChanges(event: TimelineEvent, step: StandingStep): Record<string, { from: unknown; to: unknown }> {
    const party = partyTimelineOf(step.kind);
    if (party) {
      const timeline = this.standing(step.kind);
      return { [party.field]: { from: step.value, to: timeline.at(-2)?.value ?? null } };
    }
    return event.fromState === event.toState ? {} : { state: { from: event.fromState, to: event.toState } };
  }

  private applyChecked(event: TimelineEvent): void {
    this.lastSeq = event.seq;
    const kind = timelineKind(event.action, event.party);
    if (kind !== undefined) {
      const timeline = this.timelines.get(kind) ?? [];
      timeline.push({
        seq: event.seq,
        kind,
        state: event.toState,
        value: isPartyAction(event.action)
          ? PARTY_TIMELINES[event.action].read(event[PARTY_TIMELINES[event.action].field] ?? null)
          : null,
        effectiveOn: event.effectiveOn,
      });
      this.timelines.set(kind, timeline);
      return;
    }
    const found = this.find(event.corrects ?? event.retracts);
    if (!found) {
      return;
    }
    if (event.action === 'retracted') {
      found.timeline.pop();
      return;
    }
    const changes = event.changes as Record<string, { to: unknown } | undefined>;
    const date = changes.effectiveOn?.to;
    if (typeof date === 'string') {
      found.timeline[found.index].effectiveOn = date;
    }
    if (changes.score !== undefined) {
      found.timeline[found.index].value = changes.score.to;
    }
  }
}

// One item's events, in any order, folded. An event that breaks a rule (a history `audit verify`
// would refuse) is left out, so that the rest still answers.
export function foldTimeline(events: readonly TimelineEvent[]): ItemTimeline {
  const timeline = new ItemTimeline();
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    timeline.apply(event);
  }
  return timeline;
}

// `changes` is a JSON object of fields, each with its value before and after.
function changesProblem(changes: unknown): string | undefined {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    return 'has changes that are not a JSON object';
  }
  for (const [field, change] of Object.entries(changes)) {
    if (typeof change !== 'object' || change === null || !('from' in change) || !('to' in change)) {
      return `has a change of "${field}" without its "from" and "to"`;
    }
  }
  return undefined;
}

// A transition's or a retraction's `changes` are what it moves, exactly: each field, from and to,
// as the event itself says (its states) or as its timeline stood.
function recordedChangesProblem(
  event: TimelineEvent,
  expected: Record<string, { from: unknown; to: unknown }>,
): string | undefined {
  const changes = event.changes as Record<string, { from: unknown; to: unknown }>;
  const fields = Object.keys(changes);
  const same =
    fields.length === Object.keys(expected).length &&
    fields.every(
      (field) =>
        Object.hasOwn(expected, field) &&
        changes[field].from === expected[field].from &&
        changes[field].to === expected[field].to,
    );
  return same
    ? undefined
    : `records "${event.action}" with changes ${JSON.stringify(changes)}, but what it moves is ${JSON.stringify(expected)}`;
}

// An update records what it changed: at least one field an update may change, each to a new value
// (the reports read an item's description as known at an instant from these changes).
function updateProblem(event: TimelineEvent): string | undefined {
  const changes = event.changes as Record<string, { from: unknown; to: unknown }>;
  const fields = Object.keys(changes);
  const updatable: readonly string[] = UPDATABLE_FIELDS;
  return fields.length > 0 &&
    fields.every((field) => updatable.includes(field) && changes[field].from !== changes[field].to)
    ? undefined
    : `is an update whose changes are ${JSON.stringify(changes)}: an update changes ${updatable.join(', ')}, each to a new value`;
}

// A sentence of the write side's, as a phrase of the fold's (the caller ends it).
function withoutStop(message: string): string {
  return message.replace(/\.$/, '');
}

// The parsed `changes` of a stored event, or undefined if the text is not JSON.
export function parseChanges(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

// The party timeline of a kind (`position:<party>`), or undefined for the item's state.
function partyTimelineOf(kind: string): PartyTimeline | undefined {
  return Object.values(PARTY_TIMELINES).find((timeline: PartyTimeline) => kind.startsWith(`${timeline.kind}:`));
}

// The party timeline whose value a correction may change, by its kind (`assessment:<party>`).
function correctableParty(kind: string): PartyTimeline | undefined {
  const party = partyTimelineOf(kind);
  return party?.correctable ? party : undefined;
}

// A party's value in a message: a stance or `n/a` as it is, a number or null as JSON.
function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
