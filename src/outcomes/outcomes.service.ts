import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { todayUtc } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { KeyedRequest } from '../idempotency/request-hash.js';
import { ItemEntity } from '../items/item.entity.js';
import { ItemWriter } from '../items/item-writer.js';
import { findMeetingByKey } from '../meetings/meeting-lookup.js';
import { checkBatch, type BatchEntry } from '../workflow/batch-check.js';
import type { ApplyOutcomesDto } from './dto/apply-outcomes.dto.js';
import { outcomesRefused } from './outcome-failures.js';
import type { OutcomeChangeView, OutcomesResultView } from './outcomes.view.js';

interface OutcomeEntry extends BatchEntry {
  readonly source: string | null;
}

// Applies what a meeting decided to many items in one transaction: every outcome is checked
// first, and one failing outcome means nothing is written. The endpoint and the CLI both use it.
@Injectable()
export class OutcomesService {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly writer: ItemWriter,
  ) {}

  apply(
    meetingKey: string,
    dto: ApplyOutcomesDto,
    actor: string,
    idempotent?: KeyedRequest,
  ): Promise<OutcomesResultView> {
    // Hashed as it is understood, so that leaving out dryRun and sending false are one request.
    const request = { outcomes: dto.outcomes, dryRun: dto.dryRun ?? false };
    // A dry run reads in the same write transaction as a real one, so it sees what a real one would.
    // It writes nothing, so nothing is kept for its key: a retry simply runs it again.
    return this.idempotency.run(
      request.dryRun ? undefined : idempotent,
      request,
      (manager) => this.applyIn(manager, meetingKey, request, actor),
      async (manager) => `/api/meetings/${(await findMeetingByKey(manager, meetingKey)).id}/outcomes`,
    );
  }

  private async applyIn(
    manager: EntityManager,
    meetingKey: string,
    dto: ApplyOutcomesDto,
    actor: string,
  ): Promise<OutcomesResultView> {
    const meeting = await findMeetingByKey(manager, meetingKey);
    const effectiveOn = meeting.heldOn;
    if (effectiveOn > todayUtc()) {
      throw new DomainError(
        'meeting_not_held_yet',
        `Meeting ${meeting.slug} is on ${effectiveOn}; its outcomes can be recorded from that day on.`,
        { meeting: meeting.slug, heldOn: effectiveOn },
      );
    }
    const entries: OutcomeEntry[] = dto.outcomes.map((outcome) => ({
      item: outcome.item,
      to: outcome.to,
      // A reason made only of white space is no reason.
      reason: outcome.reason?.trim() ? outcome.reason : null,
      expectedVersion: outcome.expectedVersion,
      source: outcome.source ?? null,
    }));
    const check = checkBatch(entries, await loadItems(manager, entries), effectiveOn);
    if (!check.ok) {
      throw outcomesRefused(check.failures, entries.length);
    }
    const dryRun = dto.dryRun ?? false;
    const batch = dryRun ? null : randomUUID();
    if (batch) {
      await this.writer.transitionAll(
        manager,
        check.moves.map(({ entry, item }) => ({
          item,
          change: {
            to: entry.to,
            reason: entry.reason,
            effectiveOn,
            meetingId: meeting.id,
            source: entry.source,
            batchId: batch,
            actor,
          },
        })),
      );
    }
    const changes = check.moves.map(({ entry, item }): OutcomeChangeView => ({
      item: item.slug,
      id: item.id,
      fromState: item.state,
      toState: entry.to,
      version: item.version + 1,
      reason: entry.reason,
      source: entry.source,
    }));
    return { meeting: meeting.slug, effectiveOn, dryRun, batch, outcomes: changes };
  }
}

// One query for the whole batch, each item found under its id and its slug.
async function loadItems(manager: EntityManager, entries: readonly BatchEntry[]): Promise<Map<string, ItemEntity>> {
  const keys = [...new Set(entries.map((entry) => entry.item))];
  const items = await manager
    .createQueryBuilder(ItemEntity, 'item')
    .where('item.id IN (:...keys) OR item.slug IN (:...keys)', { keys })
    .getMany();
  return new Map(items.flatMap((item) => [[item.id, item] as const, [item.slug, item] as const]));
}
