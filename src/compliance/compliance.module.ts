import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module.js';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { ItemsModule } from '../items/items.module.js';
import { PartiesModule } from '../parties/parties.module.js';
import { AssessmentsController } from './assessments.controller.js';
import { AssessmentsService } from './assessments.service.js';

// Assessments: each party's compliance with each item, scored as the G7/G20 Research Groups do.
@Module({
  imports: [ItemsModule, HistoryModule, PartiesModule, IdempotencyModule],
  controllers: [AssessmentsController],
  providers: [AssessmentsService],
  exports: [AssessmentsService],
})
export class ComplianceModule {}
