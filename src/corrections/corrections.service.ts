import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { todayUtc } from '../common/calendar-date.js';
import { DomainError, type RetractionFailure } from '../common/domain-error.js';
import { problemKind } from '../common/problem-details.js';
import { isPrintable } from '../common/validators.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { amendHistory, type RecordedEvent } from '../history/amended-history.js';
import { foldTimeline } from '../history/item-timeline.js';
import { HistoryRepository } from '../history/history.repository.js';
import type { NewEvent } from '../history/history-recorder.js';
import type { HistoryEventView } from '../history/history-event.view.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { KeyedRequest } from '../idempotency/request-hash.js';
import type { ItemEntity } from '../items/item.entity.js';
import { ItemHistoryService } from '../items/item-history.service.js';
import { ItemRepository } from '../items/item.repository.js';
import { ItemWriter, type CheckedAmendment } from '../items/item-writer.js';
import { MeetingRepository } from '../meetings/meeting.repository.js';
import { isWorkflowState } from '../workflow/workflow.machine.js';
import { amendmentError } from './amendment-problem-error.js';
import {
  planCorrection,
  planRetractions,
  retractionChanges,
  type CorrectionRequest,
  type Retraction,
} from './amendment-rules.js';
import type { CorrectEventDto } from './dto/correct-event.dto.js';
import type { RetractBatchDto } from './dto/retract-batch.dto.js';
import type {
  AssessmentRetractionView,
  BatchRetractionView,
  PositionRetractionView,
  RetractionChangeView,
} from './corrections.view.js';

type AmendmentEvent = Omit<NewEvent, 'itemId' | 'seq'>;

// Corrections and retractions append events that overrule earlier ones; nothing recorded changes.
// Each request reads the item's whole history, checks the rules on it (amendment-rules.ts), and
// moves the item row to where the corrected history leaves it, in one write transaction.
@Injectable()
export class CorrectionsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly idempotency: IdempotencyService,
    private readonly writer: ItemWriter,
    private readonly history: ItemHistoryService,
    private readonly items: ItemRepository,
    private readonly events: HistoryRepository,
    private readonly meetings: MeetingRepository,
  ) {}

  correct(key: string, seq: number, dto: CorrectEventDto, actor: string): Promise<HistoryEventView> {
    const { note, ...fields } = dto;
    // A field the request left out is undefined, which Object.values' type forgets.
    if ((Object.values(fields) as unknown[]).every((value) => value === undefined)) {
      throw DomainError.validation([
        { field: 'body', message: 'names nothing to correct: give effectiveOn, meeting, source, reason or score' },
      ]);
    }
    return this.transactions.write(async (manager) => {
      const item = await this.items.findByKey(manager, key);
      const events = await this.events.recordedEventsOf(manager, item.id);
      const request: CorrectionRequest = {
        ...fields,
        // Named by slug in the history, whichever key the request used.
        meeting:
          typeof fields.meeting === 'string'
            ? (await this.meetings.findByKey(manager, fields.meeting)).slug
            : fields.meeting,
      };
      const plan = planCorrection(events, seq, request);
      if (!plan.ok) {
        throw amendmentError(plan.problem);
      }
      const correction: AmendmentEvent = {
        action: 'corrected',
        fromState: item.state,
        toState: item.state,
        changes: plan.changes,
        reason: note,
        effectiveOn: todayUtc(),
        corrects: seq,
        actor,
      };
      await this.writer.amendAll(manager, [amendment(item, events, [correction])]);
      return this.appendedEvent(manager, item);
    });
  }

  retract(key: string, seq: number, note: string, actor: string): Promise<HistoryEventView> {
    return this.transactions.write(async (manager) => {
      const item = await this.items.findByKey(manager, key);
      const events = await this.events.recordedEventsOf(manager, item.id);
      const plan = planRetractions(events, [seq]);
      if (!plan.ok) {
        throw amendmentError(plan.problem);
      }
      await this.writer.amendAll(manager, [
        amendment(item, events, plan.retractions.map(retractionEvent(note, actor, null))),
      ]);
      return this.appendedEvent(manager, item);
    });
  }

  retractBatch(
    batchId: string,
    dto: RetractBatchDto,
    actor: string,
    idempotent?: KeyedRequest,
  ): Promise<BatchRetractionView> {
    // Hashed as it is understood, so that leaving out dryRun and sending false are one request.
    const request = { note: dto.note, dryRun: dto.dryRun ?? false };
    return this.idempotency.run(idempotent, request, (manager) =>
      this.retractBatchIn(manager, batchId, request, actor),
    );
  }

  private async retractBatchIn(
    manager: EntityManager,
    batchId: string,
    dto: Required<RetractBatchDto>,
    actor: string,
  ): Promise<BatchRetractionView> {
    const written = isPrintable(batchId) ? await this.events.batchEvents(manager, batchId) : [];
    const dated = written.filter((event) => event.action !== 'corrected' && event.action !== 'retracted');
    if (dated.length === 0) {
      throw new DomainError('batch_not_found', `No outcomes batch has the id "${batchId}".`, { batch: batchId });
    }
    const seqsByItem = new Map<string, number[]>();
    for (const event of dated) {
      seqsByItem.set(event.itemId, [...(seqsByItem.get(event.itemId) ?? []), event.seq]);
    }
    const plans: { item: ItemEntity; events: RecordedEvent[]; retractions: Retraction[] }[] = [];
    const failures: RetractionFailure[] = [];
    for (const [itemId, seqs] of seqsByItem) {
      const item = await this.items.findByKey(manager, itemId);
      const events = await this.events.recordedEventsOf(manager, itemId);
      const amended = amendHistory(events);
      // What is already withdrawn stays so; a batch is retracted once.
      const standingSeqs = seqs.filter((seq) => amended.find((event) => event.seq === seq)?.retractedBy === null);
      if (standingSeqs.length === 0) {
        continue;
      }
      const plan = planRetractions(events, standingSeqs);
      if (plan.ok) {
        plans.push({ item, events, retractions: plan.retractions });
      } else {
        // The events come from the batch itself: they exist, so the rules refuse them only thus.
        const code = plan.problem.kind === 'retraction_not_latest' ? 'retraction_not_latest' : 'event_not_amendable';
        failures.push({
          item: item.slug,
          seq: Math.max(...standingSeqs),
          code,
          status: problemKind(code).status,
          message: plan.problem.message,
          ...('laterEvents' in plan.problem ? { laterEvents: plan.problem.laterEvents } : {}),
        });
      }
    }
    if (failures.length > 0) {
      throw new DomainError(
        'batch_retraction_rejected',
        `${failures.length} of ${seqsByItem.size} items of batch ${batchId} cannot be retracted, so nothing was written; see failures.`,
        { failures },
      );
    }
    if (plans.length === 0) {
      throw new DomainError('batch_already_retracted', `Every event of batch ${batchId} is already retracted.`, {
        batch: batchId,
      });
    }
    const batch = dto.dryRun ? null : randomUUID();
    // Numbered as they will be appended: each item's retractions newest first, one version each.
    const retracted = plans.flatMap(({ item, retractions }) =>
      retractions.map((retraction, index) => ({ item, retraction, version: item.version + index + 1 })),
    );
    const outcomes = retracted.flatMap(({ item, retraction, version }): RetractionChangeView[] =>
      (retraction.stance ?? retraction.score)
        ? []
        : [
            {
              item: item.slug,
              id: item.id,
              retracts: retraction.target.seq,
              fromState: retraction.fromState ?? item.state,
              toState: retraction.toState ?? item.state,
              version,
              reason: dto.note,
            },
          ],
    );
    const positions = retracted.flatMap(({ item, retraction, version }): PositionRetractionView[] =>
      retraction.stance && retraction.target.party !== null
        ? [
            {
              item: item.slug,
              id: item.id,
              party: retraction.target.party,
              retracts: retraction.target.seq,
              fromStance: retraction.stance.from,
              toStance: retraction.stance.to,
              version,
              reason: dto.note,
            },
          ]
        : [],
    );
    const assessments = retracted.flatMap(({ item, retraction, version }): AssessmentRetractionView[] =>
      retraction.score && retraction.target.party !== null
        ? [
            {
              item: item.slug,
              id: item.id,
              party: retraction.target.party,
              retracts: retraction.target.seq,
              from: retraction.score.from,
              to: retraction.score.to,
              version,
              reason: dto.note,
            },
          ]
        : [],
    );
    if (batch) {
      await this.writer.amendAll(
        manager,
        plans.map(({ item, events, retractions }) =>
          amendment(item, events, retractions.map(retractionEvent(dto.note, actor, batch))),
        ),
      );
    }
    return {
      retracts: batchId,
      meeting: dated[0].meeting,
      effectiveOn: todayUtc(),
      dryRun: dto.dryRun,
      batch,
      outcomes,
      // As an outcomes answer lists positions: only when the batch had some.
      ...(positions.length > 0 ? { positions } : {}),
      ...(assessments.length > 0 ? { assessments } : {}),
    };
  }

  // The one event just appended to the item (its seq is the item's version before, plus one), as
  // history answers show it.
  private async appendedEvent(manager: EntityManager, item: ItemEntity): Promise<HistoryEventView> {
    const [event] = await this.history.eventsOf(manager, item, item.version, 1);
    return event;
  }
}

// Where the new events leave the item: its corrected history, folded again with them.
function amendment(
  item: ItemEntity,
  events: readonly RecordedEvent[],
  added: readonly AmendmentEvent[],
): CheckedAmendment {
  const recorded = added.map((event, index): RecordedEvent => ({
    id: 0,
    seq: item.version + index + 1,
    action: event.action,
    fromState: event.fromState ?? null,
    toState: event.toState ?? null,
    changes: event.changes,
    reason: event.reason ?? null,
    effectiveOn: event.effectiveOn,
    meeting: null,
    source: null,
    batch: event.batchId ?? null,
    actor: event.actor,
    recordedAt: '',
    party: null,
    stance: null,
    score: null,
    corrects: event.corrects ?? null,
    retracts: event.retracts ?? null,
  }));
  // The history's fold takes the new events as audit verify will: a plan it refuses is a bug here,
  // never a history written that would not verify.
  const timeline = foldTimeline(events);
  for (const event of recorded) {
    const problem = timeline.apply(event);
    if (problem !== undefined) {
      throw new Error(`The planned event ${event.seq} of ${item.slug} ${problem}`);
    }
  }
  return {
    item,
    state: isWorkflowState(timeline.state) ? timeline.state : item.state,
    stateSince: timeline.stateSince,
    events: added,
  };
}

function retractionEvent(note: string, actor: string, batchId: string | null) {
  return (retraction: Retraction): AmendmentEvent => ({
    action: 'retracted',
    fromState: retraction.fromState,
    toState: retraction.toState,
    changes: retractionChanges(retraction),
    reason: note,
    effectiveOn: todayUtc(),
    batchId,
    retracts: retraction.target.seq,
    actor,
  });
}
