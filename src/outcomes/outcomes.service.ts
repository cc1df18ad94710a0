import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { todayUtc } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { KeyedRequest } from '../idempotency/request-hash.js';
import type { ItemEntity } from '../items/item.entity.js';
import { ItemWriter } from '../items/item-writer.js';
import { ItemsRepository } from '../items/items.repository.js';
import { findMeetingByKey } from '../meetings/meeting-lookup.js';
import { PartiesRepository } from '../parties/parties.repository.js';
import { checkPositionBatch, type CheckedPosition, type PositionEntry } from '../positions/position-check.js';
import { PositionsRepository } from '../positions/positions.repository.js';
import type { PartyEntity } from '../parties/party.entity.js';
import { checkBatch, type BatchEntry } from '../workflow/batch-check.js';
import type { ApplyOutcomesDto } from './dto/apply-outcomes.dto.js';
import { outcomesRefused } from './outcome-failures.js';
import type { OutcomeChangeView, OutcomesResultView, PositionChangeView } from './outcomes.view.js';

interface OutcomeEntry extends BatchEntry {
  readonly source: string | null;
}

interface PositionOutcomeEntry extends PositionEntry {
  readonly statement: string | null;
  readonly source: string | null;
}

type CheckedPositionOutcome = CheckedPosition<PositionOutcomeEntry, ItemEntity, PartyEntity>;

// Applies what a meeting decided to many items in one transaction: every outcome and position is
// checked first, and one failing entry means nothing is written. The endpoint and the CLI both use it.
@Injectable()
export class OutcomesService {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly writer: ItemWriter,
    private readonly items: ItemsRepository,
    private readonly parties: PartiesRepository,
    private readonly positions: PositionsRepository,
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
    return this.idempotency.run(idempotent, request, (manager) => this.applyIn(manager, meetingKey, request, actor));
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
    const entries: OutcomeEntry[] = (dto.outcomes ?? []).map((outcome) => ({
      item: outcome.item,
      to: outcome.to,
      // A reason made only of white space is no reason.
      reason: outcome.reason?.trim() ? outcome.reason : null,
      expectedVersion: outcome.expectedVersion,
      source: outcome.source ?? null,
    }));
    const positionEntries: PositionOutcomeEntry[] = (dto.positions ?? []).map((position) => ({
      item: position.item,
      party: position.party,
      stance: position.stance,
      statement: position.statement?.trim() ? position.statement : null,
      source: position.source ?? null,
    }));
    const items = await this.items.byKeys(manager, [
      ...new Set([...entries, ...positionEntries].map((entry) => entry.item)),
    ]);
    const check = checkBatch(entries, items, effectiveOn);
    const positionCheck = checkPositionBatch(
      positionEntries,
      {
        items,
        parties: await this.parties.byKeys(manager, [...new Set(positionEntries.map((entry) => entry.party))]),
        standing: await this.positions.standingOn(manager, [
          ...new Set(positionEntries.flatMap((entry) => items.get(entry.item)?.id ?? [])),
        ]),
      },
      effectiveOn,
    );
    if (!check.ok || positionCheck.failures.length > 0) {
      throw outcomesRefused(
        check.ok ? [] : check.failures,
        positionCheck.failures,
        entries.length + positionEntries.length,
      );
    }
    const dryRun = dto.dryRun ?? false;
    const batch = dryRun ? null : randomUUID();
    if (batch) {
      const moved = await this.writer.transitionAll(
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
      const current = new Map(moved.map((item) => [item.id, item]));
      await this.writer.positionAll(
        manager,
        positionCheck.checked.map(({ entry, item, party, previous }) => ({
          item: current.get(item.id) ?? item,
          partyId: party.id,
          stance: entry.stance,
          fromStance: previous?.stance ?? null,
          statement: entry.statement,
          effectiveOn,
          meetingId: meeting.id,
          source: entry.source,
          batchId: batch,
          actor,
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
    const result: OutcomesResultView = { meeting: meeting.slug, effectiveOn, dryRun, batch, outcomes: changes };
    if (positionEntries.length > 0) {
      const versions = new Map(changes.map((change) => [change.id, change.version]));
      result.positions = positionCheck.checked.map((checked) => presentPosition(checked, versions));
    }
    return result;
  }
}

// Positions come after the transitions, so each takes the version after its item's transition and
// the positions before it.
function presentPosition(
  { entry, item, party, previous }: CheckedPositionOutcome,
  versions: Map<string, number>,
): PositionChangeView {
  const version = (versions.get(item.id) ?? item.version) + 1;
  versions.set(item.id, version);
  return {
    item: item.slug,
    id: item.id,
    party: party.slug,
    fromStance: previous?.stance ?? null,
    toStance: entry.stance,
    version,
    statement: entry.statement,
    source: entry.source,
  };
}
