import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module.js';
import { ItemWriter } from './item-writer.js';
import { ItemsController } from './items.controller.js';
import { ItemsService } from './items.service.js';

@Module({
  imports: [HistoryModule],
  controllers: [ItemsController],
  providers: [ItemsService, ItemWriter],
  exports: [ItemsService, ItemWriter],
})
export class ItemsModule {}
