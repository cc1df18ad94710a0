import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PositionRepository } from '../history/position.repository.js';
import { PartyRepository } from '../parties/party.repository.js';
import type { Stance } from '../parties/stance.js';
import { checkPositionBatch, type PositionFailure } from '../positions/position-check.js';
import type { ItemEntity } from './item.entity.js';
import type { CheckedPositionChange } from './item-writer.js';

// One party's stance on one item, as the caller wrote it (item and party by id or slug).
export interface PositionRequest {
  readonly item: string;
  readonly party: string;
  readonly stance: Stance;
  readonly statement?: string | null;
  readonly source?: string | null;
}

export interface PositionOccasion {
  readonly actor: string;
  readonly effectiveOn: string;
  readonly meetingId: string | null;
  readonly batchId: string | null;
  // The items named, each under its id and its slug, as found in this transaction.
  readonly items: ReadonlyMap<string, ItemEntity>;
}

// The one path from position requests to checked positions, for the item API, a meeting's
// outcomes and the seed: the parties, and each party's previous position on the item, are read
// here and the dates checked (checkPositionBatch) before the writer writes anything. Every failing
// request is answered; the caller refuses.
@Injectable()
export class PositionPreparer {
  constructor(
    private readonly parties: PartyRepository,
    private readonly positions: PositionRepository,
  ) {}

  async check(
    manager: EntityManager,
    requests: readonly PositionRequest[],
    occasion: PositionOccasion,
  ): Promise<{ checked: CheckedPositionChange[]; failures: PositionFailure[] }> {
    if (requests.length === 0) {
      return { checked: [], failures: [] };
    }
    const itemIds = [...new Set(requests.flatMap((request) => occasion.items.get(request.item)?.id ?? []))];
    const { checked, failures } = checkPositionBatch(
      requests,
      {
        items: occasion.items,
        parties: await this.parties.findManyByKeys(manager, [...new Set(requests.map((request) => request.party))]),
        standing: await this.positions.standingOn(manager, itemIds),
      },
      occasion.effectiveOn,
    );
    return {
      failures,
      checked: checked.map(({ entry, item, party, previous }) => ({
        item,
        partyId: party.id,
        partySlug: party.slug,
        stance: entry.stance,
        fromStance: previous?.stance ?? null,
        // A statement made only of white space is no statement.
        statement: entry.statement?.trim() ? entry.statement : null,
        effectiveOn: occasion.effectiveOn,
        meetingId: occasion.meetingId,
        source: entry.source ?? null,
        batchId: occasion.batchId,
        actor: occasion.actor,
      })),
    };
  }
}
