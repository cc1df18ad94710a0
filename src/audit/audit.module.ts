import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module.js';
import { HistoryModule } from '../history/history.module.js';
import { ItemsModule } from '../items/items.module.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

@Module({
  imports: [HistoryModule, ItemsModule, EditionsModule],
  controllers: [AuditController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
