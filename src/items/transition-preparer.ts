import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { todayUtc } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import type { MeetingEntity } from '../meetings/meeting.entity.js';
import { MeetingRepository } from '../meetings/meeting.repository.js';
import { checkBatch, type BatchEntry, type EntryFailure } from '../workflow/batch-check.js';
import { normaliseReason } from '../workflow/transition-check.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';
import type { CheckedMove } from './item-writer.js';
import type { ItemEntity } from './item.entity.js';
import { ItemRepository } from './item.repository.js';
import { assertIfMatch, type IfMatch } from '../common/if-match.js';
import { batchRefused, entryProblemError } from './transition-problems.js';

// One requested move of one item, as the caller wrote it.
export interface TransitionEntry {
  // The item's id or slug.
  readonly item: string;
  readonly to: WorkflowState;
  readonly reason?: string | null;
  // A batch entry's expectedVersion (a single transition has If-Match instead, on its occasion).
  readonly expectedVersion?: number;
  readonly source?: string | null;
}

export interface TransitionOccasion {
  readonly actor: string;
  // The meeting's id or slug; its day is the effective date unless one is given.
  readonly meeting?: string | null;
  readonly effectiveOn?: string;
  // Stamped on every event of a meeting's outcomes; null on a dry run and for a single transition.
  readonly batchId?: string | null;
  // A meeting's outcomes are checked and refused together, every failing entry listed; a single
  // transition (the item API, the seed) is refused with its own problem.
  readonly kind: 'single' | 'outcomes';
  // The item API's If-Match, for a single transition.
  readonly ifMatch?: IfMatch;
}

export interface PreparedTransitions {
  readonly meeting: MeetingEntity | null;
  readonly effectiveOn: string;
  readonly moves: CheckedMove[];
}

interface ReasonedEntry extends BatchEntry {
  readonly source: string | null;
}

// The one path from a transition request to checked moves, for the item API, a meeting's
// outcomes and the seed: the item(s), the meeting, the effective date (never in the future), the
// reason, the workflow and the version are all checked here before the writer writes anything.
@Injectable()
export class TransitionPreparer {
  constructor(
    private readonly items: ItemRepository,
    private readonly meetings: MeetingRepository,
  ) {}

  async prepareMoves(
    manager: EntityManager,
    entries: readonly TransitionEntry[],
    occasion: TransitionOccasion,
  ): Promise<PreparedTransitions> {
    const { failures, ...prepared } = await this.checkMoves(manager, entries, occasion);
    const first = failures.at(0);
    if (first) {
      throw occasion.kind === 'single' ? entryProblemError(first) : batchRefused(failures, entries.length);
    }
    return prepared;
  }

  // prepareMoves without refusing: every failing entry is answered (a meeting's outcomes add their
  // positions' failures before refusing the batch). An item or meeting not found, a version or a
  // date are still refused at once for a single transition, as is a meeting not held yet.
  async checkMoves(
    manager: EntityManager,
    entries: readonly TransitionEntry[],
    occasion: TransitionOccasion,
  ): Promise<PreparedTransitions & { failures: EntryFailure[] }> {
    const single = occasion.kind === 'single';
    // A single transition names one item and an If-Match version: the item must exist and be at
    // that version before anything else is looked at. A batch reports those per entry, later.
    const loaded = single ? await this.single(manager, entries, occasion.ifMatch) : undefined;
    const { meeting, effectiveOn } = await this.dated(manager, occasion);
    const checked: ReasonedEntry[] = entries.map((entry) => ({
      item: entry.item,
      to: entry.to,
      reason: normaliseReason(entry.reason),
      // A single transition's version was checked above, as If-Match.
      expectedVersion: single ? undefined : entry.expectedVersion,
      source: entry.source ?? null,
    }));
    const keys = entries.map((entry) => entry.item);
    const items = loaded ?? (await this.items.findManyByKeys(manager, keys));
    const check = checkBatch(checked, items, effectiveOn);
    if (!check.ok) {
      return { meeting, effectiveOn, moves: [], failures: check.failures };
    }
    return {
      meeting,
      effectiveOn,
      failures: [],
      moves: check.moves.map(({ entry, item }) => ({
        item,
        change: {
          to: entry.to,
          reason: entry.reason,
          effectiveOn,
          meetingId: meeting?.id ?? null,
          source: entry.source,
          batchId: occasion.batchId ?? null,
          actor: occasion.actor,
        },
      })),
    };
  }

  // The meeting named and the effective day: the day given, else the meeting's, else today; never
  // in the future. Transitions and positions are dated alike.
  async dated(
    manager: EntityManager,
    occasion: Pick<TransitionOccasion, 'meeting' | 'effectiveOn' | 'kind'>,
  ): Promise<{ meeting: MeetingEntity | null; effectiveOn: string }> {
    const meeting = occasion.meeting ? await this.meetings.findByKey(manager, occasion.meeting) : null;
    const effectiveOn = occasion.effectiveOn ?? meeting?.heldOn ?? todayUtc();
    if (effectiveOn > todayUtc()) {
      throw occasion.kind === 'single' ? futureDate(effectiveOn) : notHeldYet(meeting, effectiveOn);
    }
    return { meeting, effectiveOn };
  }

  private async single(
    manager: EntityManager,
    entries: readonly TransitionEntry[],
    ifMatch: IfMatch,
  ): Promise<Map<string, ItemEntity>> {
    const [entry] = entries;
    const item = await this.items.findByKey(manager, entry.item);
    assertIfMatch(ifMatch, item.version, item.slug);
    return new Map([[entry.item, item]]);
  }
}

function futureDate(effectiveOn: string): DomainError {
  return DomainError.validation([
    { field: 'effectiveOn', message: `must not be in the future (the meeting is on ${effectiveOn})` },
  ]);
}

function notHeldYet(meeting: MeetingEntity | null, effectiveOn: string): DomainError {
  const slug = meeting?.slug ?? '';
  return new DomainError(
    'meeting_not_held_yet',
    `Meeting ${slug} is on ${effectiveOn}; its outcomes can be recorded from that day on.`,
    { meeting: slug, heldOn: effectiveOn },
  );
}
