import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module.js';
import { ItemsModule } from '../items/items.module.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

@Module({
  imports: [HistoryModule, ItemsModule],
  controllers: [AuditController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
