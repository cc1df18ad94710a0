import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { PartiesModule } from '../parties/parties.module.js';
import { ItemHistoryController } from './item-history.controller.js';
import { ItemHistoryService } from './item-history.service.js';
import { ItemListRepository } from './item-list.repository.js';
import { ItemRepository } from './item.repository.js';
import { ItemWriter } from './item-writer.js';
import { ItemsController } from './items.controller.js';
import { ItemsService } from './items.service.js';
import { ExpensiveReads } from './expensive-reads.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { PositionPreparer } from './position-preparer.js';
import { TransitionPreparer } from './transition-preparer.js';

@Module({
  imports: [HistoryModule, MeetingsModule, PartiesModule],
  controllers: [ItemsController, ItemHistoryController],
  providers: [
    ItemsService,
    ItemHistoryService,
    ItemRepository,
    ItemListRepository,
    ItemWriter,
    TransitionPreparer,
    PositionPreparer,
    {
      provide: ExpensiveReads,
      useFactory: (config: AppConfig) => new ExpensiveReads(config.readClientLimit),
      inject: [APP_CONFIG],
    },
  ],
  exports: [ItemsService, ItemHistoryService, ItemRepository, ItemWriter, TransitionPreparer, PositionPreparer],
})
export class ItemsModule {}
