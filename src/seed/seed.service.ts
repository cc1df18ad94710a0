import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner.js';
import { ItemEntity } from '../items/item.entity.js';
import { ItemWriter } from '../items/item-writer.js';
import { ItemsService } from '../items/items.service.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { PartiesRepository } from '../parties/parties.repository.js';
import { PartiesService } from '../parties/parties.service.js';
import type { Stance } from '../parties/stance.js';
import { checkPosition, positionKey } from '../positions/position-check.js';
import { SEED_ACTOR, SEED_ITEMS, SEED_MEETINGS, SEED_PARTIES, SEED_POSITIONS, SEED_SOURCE_URL } from './seed-data.js';

@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly items: ItemsService,
    private readonly meetings: MeetingsService,
    private readonly parties: PartiesService,
    private readonly partiesTable: PartiesRepository,
    private readonly writer: ItemWriter,
  ) {}

  // Loads the 2010 data into a database with no items, in one transaction; anything else is left alone.
  async seedIfEmpty(): Promise<boolean> {
    const seeded = await this.transactions.write(async (manager) => {
      if ((await manager.count(ItemEntity)) > 0) {
        return false;
      }
      const meetingIds = new Map<string, string>();
      for (const dto of SEED_MEETINGS) {
        const meeting = await this.meetings.createIn(manager, dto);
        meetingIds.set(meeting.slug, meeting.id);
      }
      const [newYork] = SEED_MEETINGS;
      const items = new Map<string, ItemEntity>();
      for (const seed of SEED_ITEMS) {
        const meetingId = seed.proposedAtMeeting ? meetingIds.get(newYork.slug) : null;
        let item = await this.items.createIn(manager, seed.item, SEED_ACTOR, { meetingId });
        if (seed.later) {
          item = await this.writer.transition(manager, item, {
            to: seed.later.to,
            reason: seed.later.reason,
            effectiveOn: seed.later.effectiveOn,
            meetingId: meetingIds.get(seed.later.meeting) ?? null,
            source: SEED_SOURCE_URL,
            batchId: null,
            actor: SEED_ACTOR,
          });
        }
        items.set(item.slug, item);
      }
      await this.seedPositions(manager, items, meetingIds);
      return true;
    });
    if (seeded) {
      this.logger.log(
        `Seeded ${SEED_ITEMS.length} items, ${SEED_MEETINGS.length} meetings and ${SEED_POSITIONS.length} positions from 2010`,
      );
    }
    return seeded;
  }

  // The parties (any already recorded through the API are kept) and their positions, each checked
  // like any other position.
  private async seedPositions(
    manager: EntityManager,
    items: Map<string, ItemEntity>,
    meetingIds: ReadonlyMap<string, string>,
  ): Promise<void> {
    const parties = new Map<string, { id: string; slug: string }>();
    for (const dto of SEED_PARTIES) {
      const party =
        (await this.partiesTable.findByKey(manager, dto.slug)) ?? (await this.parties.createIn(manager, dto));
      parties.set(party.slug, party);
    }
    const standing = new Map<string, { stance: Stance; effectiveOn: string }>();
    for (const seed of SEED_POSITIONS) {
      const item = items.get(seed.item);
      const party = parties.get(seed.party);
      if (!item || !party) {
        throw new Error(`The seed names an unknown item or party: ${seed.item}, ${seed.party}`);
      }
      const key = positionKey(item.id, party.id);
      const problem = checkPosition(item, party, standing.get(key), seed.effectiveOn);
      if (problem) {
        throw new Error(`The seed's position is out of order: ${problem.message}`);
      }
      const [positioned] = await this.writer.positionAll(manager, [
        {
          item,
          partyId: party.id,
          stance: seed.stance,
          fromStance: standing.get(key)?.stance ?? null,
          statement: seed.statement,
          effectiveOn: seed.effectiveOn,
          meetingId: seed.meeting ? (meetingIds.get(seed.meeting) ?? null) : null,
          source: SEED_SOURCE_URL,
          batchId: null,
          actor: SEED_ACTOR,
        },
      ]);
      items.set(item.slug, positioned);
      standing.set(key, { stance: seed.stance, effectiveOn: seed.effectiveOn });
    }
  }
}
