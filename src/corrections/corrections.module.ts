import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module.js';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { ItemsModule } from '../items/items.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { CorrectionsController } from './corrections.controller.js';
import { CorrectionsService } from './corrections.service.js';

@Module({
  imports: [ItemsModule, HistoryModule, MeetingsModule, IdempotencyModule],
  controllers: [CorrectionsController],
  providers: [CorrectionsService],
  exports: [CorrectionsService],
})
export class CorrectionsModule {}
