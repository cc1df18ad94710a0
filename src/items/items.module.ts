import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module.js';
import { ItemCountsRepository } from './item-counts.repository.js';
import { ItemCountsService } from './item-counts.service.js';
import { ItemWriter } from './item-writer.js';
import { ItemsController } from './items.controller.js';
import { ItemsService } from './items.service.js';

@Module({
  imports: [HistoryModule],
  controllers: [ItemsController],
  providers: [ItemsService, ItemWriter, ItemCountsRepository, ItemCountsService],
  exports: [ItemsService, ItemWriter, ItemCountsService],
})
export class ItemsModule {}
