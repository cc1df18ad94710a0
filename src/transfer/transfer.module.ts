import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module.js';
import { TransferRepository } from './transfer.repository.js';
import { TransferService } from './transfer.service.js';

@Module({
  imports: [EditionsModule],
  providers: [TransferService, TransferRepository],
  exports: [TransferService],
})
export class TransferModule {}
