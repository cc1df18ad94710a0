import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module.js';
import { PartiesModule } from '../parties/parties.module.js';
import { PositionsModule } from '../positions/positions.module.js';
import { ItemWriter } from './item-writer.js';
import { ItemsController } from './items.controller.js';
import { ItemsRepository } from './items.repository.js';
import { ItemsService } from './items.service.js';

@Module({
  imports: [HistoryModule, PartiesModule, PositionsModule],
  controllers: [ItemsController],
  providers: [ItemsService, ItemWriter, ItemsRepository],
  exports: [ItemsService, ItemWriter, ItemsRepository],
})
export class ItemsModule {}
