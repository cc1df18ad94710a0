import { Injectable, Logger } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner.js';
import { ItemEntity } from '../items/item.entity.js';
import { ItemWriter } from '../items/item-writer.js';
import { ItemsService } from '../items/items.service.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { SEED_ACTOR, SEED_ITEMS, SEED_MEETINGS, SEED_SOURCE_URL } from './seed-data.js';

@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly items: ItemsService,
    private readonly meetings: MeetingsService,
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
      for (const seed of SEED_ITEMS) {
        const meetingId = seed.proposedAtMeeting ? meetingIds.get(newYork.slug) : null;
        const item = await this.items.createIn(manager, seed.item, SEED_ACTOR, { meetingId });
        if (seed.later) {
          await this.writer.transition(manager, item, {
            to: seed.later.to,
            reason: seed.later.reason,
            effectiveOn: seed.later.effectiveOn,
            meetingId: meetingIds.get(seed.later.meeting) ?? null,
            source: SEED_SOURCE_URL,
            batchId: null,
            actor: SEED_ACTOR,
          });
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
