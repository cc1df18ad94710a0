import { Module } from '@nestjs/common';
import { TransferRepository } from './transfer.repository.js';
import { TransferService } from './transfer.service.js';

@Module({
  providers: [TransferService, TransferRepository],
  exports: [TransferService],
})
export class TransferModule {}
