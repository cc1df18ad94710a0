import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { ItemEntity } from '../items/item.entity.js';
import { ItemRepository } from '../items/item.repository.js';
import { ItemWriter } from '../items/item-writer.js';
import { PositionPreparer } from '../items/position-preparer.js';
import { TransitionPreparer } from '../items/transition-preparer.js';
import { positionProblemError } from '../items/transition-problems.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { PartyRepository } from '../parties/party.repository.js';
import { PartiesService } from '../parties/parties.service.js';
import { SEED_ACTOR, SEED_ITEMS, SEED_MEETINGS, SEED_PARTIES, SEED_POSITIONS, SEED_SOURCE_URL } from './seed-data.js';

@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly items: ItemRepository,
    private readonly meetings: MeetingsService,
    private readonly parties: PartiesService,
    private readonly partyTable: PartyRepository,
    private readonly writer: ItemWriter,
    private readonly transitions: TransitionPreparer,
    private readonly positions: PositionPreparer,
  ) {}

  // Loads the 2010 data into a database with no items, in one transaction; anything else is left alone.
  // Its items, transitions and positions take the same paths as the API's, checks included.
  async seedIfEmpty(): Promise<boolean> {
    const seeded = await this.transactions.write(async (manager) => {
      if (!(await this.items.isEmpty(manager))) {
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
        const meetingId = seed.proposedAtMeeting ? (meetingIds.get(newYork.slug) ?? null) : null;
        let item = await this.writer.create(manager, seed.item, SEED_ACTOR, meetingId);
        if (seed.later) {
          const { moves } = await this.transitions.prepareMoves(
            manager,
            [{ item: item.id, to: seed.later.to, reason: seed.later.reason, source: SEED_SOURCE_URL }],
            { kind: 'single', actor: SEED_ACTOR, meeting: seed.later.meeting, effectiveOn: seed.later.effectiveOn },
          );
          item = (await this.writer.transitionAll(manager, moves))[0] ?? item;
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

  // The parties (any already recorded through the API are kept) and their positions, one at a
  // time in the order the seed lists them, each checked like any other.
  private async seedPositions(
    manager: EntityManager,
    items: Map<string, ItemEntity>,
    meetingIds: ReadonlyMap<string, string>,
  ): Promise<void> {
    for (const dto of SEED_PARTIES) {
      if (!(await this.partyTable.findByKey(manager, dto.slug))) {
        await this.parties.createIn(manager, dto);
      }
    }
    for (const seed of SEED_POSITIONS) {
      const { checked, failures } = await this.positions.check(
        manager,
        [
          {
            item: seed.item,
            party: seed.party,
            stance: seed.stance,
            statement: seed.statement,
            source: SEED_SOURCE_URL,
          },
        ],
        {
          actor: SEED_ACTOR,
          effectiveOn: seed.effectiveOn,
          meetingId: seed.meeting ? (meetingIds.get(seed.meeting) ?? null) : null,
          batchId: null,
          items,
        },
      );
      const failure = failures.at(0);
      if (failure) {
        throw positionProblemError(failure);
      }
      for (const positioned of await this.writer.positionAll(manager, checked)) {
        items.set(positioned.slug, positioned);
      }
    }
  }
}
