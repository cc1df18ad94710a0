import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module.js';
import { HistoryModule } from '../history/history.module.js';
import { ItemsModule } from '../items/items.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { PartiesModule } from '../parties/parties.module.js';
import { TransferService } from './transfer.service.js';

@Module({
  imports: [HistoryModule, ItemsModule, MeetingsModule, PartiesModule, EditionsModule],
  providers: [TransferService],
  exports: [TransferService],
})
export class TransferModule {}
