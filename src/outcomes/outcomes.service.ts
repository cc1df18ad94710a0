import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { KeyedRequest } from '../idempotency/request-hash.js';
import { ItemRepository } from '../items/item.repository.js';
import { ItemWriter, type CheckedPositionChange } from '../items/item-writer.js';
import { PositionPreparer } from '../items/position-preparer.js';
import { TransitionPreparer } from '../items/transition-preparer.js';
import { batchRefused } from '../items/transition-problems.js';
import { MeetingRepository } from '../meetings/meeting.repository.js';
import type { ApplyOutcomesDto } from './dto/apply-outcomes.dto.js';
import type { OutcomeChangeView, OutcomesResultView, PositionChangeView } from './outcomes.view.js';

// Applies what a meeting decided to many items in one transaction: every outcome and position is
// checked first, and one failing entry means nothing is written. The endpoint and the CLI both use it.
@Injectable()
export class OutcomesService {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly transitions: TransitionPreparer,
    private readonly positions: PositionPreparer,
    private readonly items: ItemRepository,
    private readonly writer: ItemWriter,
    private readonly meetings: MeetingRepository,
  ) {}

  apply(
    meetingKey: string,
    dto: ApplyOutcomesDto,
    actor: string,
    idempotent?: KeyedRequest,
  ): Promise<OutcomesResultView> {
    const outcomes = dto.outcomes ?? [];
    const positions = dto.positions ?? [];
    if (outcomes.length === 0 && positions.length === 0) {
      throw DomainError.validation([{ field: 'outcomes', message: 'must list at least one outcome or position' }]);
    }
    // Hashed as it is understood, so that leaving out dryRun and sending false are one request; a
    // request without positions hashes as it did before positions existed.
    const request = { outcomes, ...(positions.length > 0 ? { positions } : {}), dryRun: dto.dryRun ?? false };
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
    const outcomes = dto.outcomes ?? [];
    const requested = dto.positions ?? [];
    const dryRun = dto.dryRun ?? false;
    const batch = dryRun ? null : randomUUID();
    // Every outcome and position takes effect on the meeting's day.
    const { meeting, effectiveOn, moves, failures } = await this.transitions.checkMoves(manager, outcomes, {
      kind: 'outcomes',
      actor,
      meeting: meetingKey,
      batchId: batch,
    });
    const positions = await this.positions.check(manager, requested, {
      actor,
      effectiveOn,
      meetingId: meeting?.id ?? null,
      batchId: batch,
      items: await this.items.findManyByKeys(
        manager,
        requested.map((position) => position.item),
      ),
    });
    if (failures.length > 0 || positions.failures.length > 0) {
      throw batchRefused(failures, outcomes.length, positions.failures, requested.length);
    }
    if (batch) {
      const moved = new Map((await this.writer.transitionAll(manager, moves)).map((item) => [item.id, item]));
      // Positions come after the transitions: each on its item as the transition left it.
      await this.writer.positionAll(
        manager,
        positions.checked.map((position) => ({ ...position, item: moved.get(position.item.id) ?? position.item })),
      );
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
    const result: OutcomesResultView = {
      meeting: meeting?.slug ?? meetingKey,
      effectiveOn,
      dryRun,
      batch,
      outcomes: changes,
    };
    if (requested.length > 0) {
      const versions = new Map(changes.map((change) => [change.id, change.version]));
      result.positions = positions.checked.map((position) => presentPosition(position, versions));
    }
    return result;
  }
}

// Positions come after the transitions, so each takes the version after its item's transition and
// the positions before it.
function presentPosition(position: CheckedPositionChange, versions: Map<string, number>): PositionChangeView {
  const version = (versions.get(position.item.id) ?? position.item.version) + 1;
  versions.set(position.item.id, version);
  return {
    item: position.item.slug,
    id: position.item.id,
    party: position.partySlug,
    fromStance: position.fromStance,
    toStance: position.stance,
    version,
    statement: position.statement,
    source: position.source,
  };
}
