import { Injectable, Logger } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner.js';
import { ItemRepository } from '../items/item.repository.js';
import { ItemWriter } from '../items/item-writer.js';
import { TransitionPreparer } from '../items/transition-preparer.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { SEED_ACTOR, SEED_ITEMS, SEED_MEETINGS, SEED_SOURCE_URL } from './seed-data.js';

@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly items: ItemRepository,
    private readonly meetings: MeetingsService,
    private readonly writer: ItemWriter,
    private readonly transitions: TransitionPreparer,
  ) {}

  // Loads the 2010 data into a database with no items, in one transaction; anything else is left alone.
  // Its items and transitions take the same path as the API's, checks included.
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
      for (const seed of SEED_ITEMS) {
        const meetingId = seed.proposedAtMeeting ? (meetingIds.get(newYork.slug) ?? null) : null;
        const item = await this.writer.create(manager, seed.item, SEED_ACTOR, meetingId);
        if (seed.later) {
          const { moves } = await this.transitions.prepareMoves(
            manager,
            [{ item: item.id, to: seed.later.to, reason: seed.later.reason, source: SEED_SOURCE_URL }],
            { kind: 'single', actor: SEED_ACTOR, meeting: seed.later.meeting, effectiveOn: seed.later.effectiveOn },
          );
          await this.writer.transitionAll(manager, moves);
        }
      }
      return true;
    });
    if (seeded) {
      this.logger.log(`Seeded ${SEED_ITEMS.length} items and ${SEED_MEETINGS.length} meetings from 2010`);
    }
    return seeded;
  }
}
