import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { KeyedRequest } from '../idempotency/request-hash.js';
import { ItemWriter } from '../items/item-writer.js';
import { TransitionPreparer } from '../items/transition-preparer.js';
import { MeetingRepository } from '../meetings/meeting.repository.js';
import type { ApplyOutcomesDto } from './dto/apply-outcomes.dto.js';
import type { OutcomeChangeView, OutcomesResultView } from './outcomes.view.js';

// Applies what a meeting decided to many items in one transaction: every outcome is checked
// first, and one failing outcome means nothing is written. The endpoint and the CLI both use it.
@Injectable()
export class OutcomesService {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly transitions: TransitionPreparer,
    private readonly writer: ItemWriter,
    private readonly meetings: MeetingRepository,
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
      async (manager) => `/api/meetings/${(await this.meetings.findByKey(manager, meetingKey)).id}/outcomes`,
    );
  }

  private async applyIn(
    manager: EntityManager,
    meetingKey: string,
    dto: ApplyOutcomesDto,
    actor: string,
  ): Promise<OutcomesResultView> {
    const dryRun = dto.dryRun ?? false;
    const batch = dryRun ? null : randomUUID();
    // Every outcome takes effect on the meeting's day.
    const { meeting, effectiveOn, moves } = await this.transitions.prepareMoves(manager, dto.outcomes, {
      kind: 'outcomes',
      actor,
      meeting: meetingKey,
      batchId: batch,
    });
    if (batch) {
      await this.writer.transitionAll(manager, moves);
    }
    const changes = moves.map(({ item, change }): OutcomeChangeView => ({
      item: item.slug,
      id: item.id,
      fromState: item.state,
      toState: change.to,
      version: item.version + 1,
      reason: change.reason,
      source: change.source,
    }));
    return { meeting: meeting?.slug ?? meetingKey, effectiveOn, dryRun, batch, outcomes: changes };
  }
}
