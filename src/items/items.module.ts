import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { PartiesModule } from '../parties/parties.module.js';
import { ItemHistoryController } from './item-history.controller.js';
import { ItemHistoryService } from './item-history.service.js';
import { ItemRepository } from './item.repository.js';
import { ItemWriter } from './item-writer.js';
import { ItemsController } from './items.controller.js';
import { ItemsService } from './items.service.js';
import { PositionPreparer } from './position-preparer.js';
import { TransitionPreparer } from './transition-preparer.js';

@Module({
  imports: [HistoryModule, MeetingsModule, PartiesModule],
  controllers: [ItemsController, ItemHistoryController],
  providers: [ItemsService, ItemHistoryService, ItemRepository, ItemWriter, TransitionPreparer, PositionPreparer],
  exports: [ItemsService, ItemHistoryService, ItemRepository, ItemWriter, TransitionPreparer, PositionPreparer],
})
export class ItemsModule {}
