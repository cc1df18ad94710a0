import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ReportBuildQueue } from './report-build-queue.js';
import { HistoryModule } from '../history/history.module.js';
import { ItemsModule } from '../items/items.module.js';
import { PartiesModule } from '../parties/parties.module.js';
import { ReportReadRepository } from './report-read.repository.js';
import { ReportWorkers } from './report-workers.js';
import { ReportsController } from './reports.controller.js';
import { EditionsModule } from '../editions/editions.module.js';
import { EditionsController } from './editions.controller.js';
import { EditionsService } from './editions.service.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [HistoryModule, ItemsModule, PartiesModule, EditionsModule],
  controllers: [ReportsController, EditionsController],
  providers: [
    ReportsService,
    EditionsService,
    ReportWorkers,
    ReportReadRepository,
    {
      provide: ReportBuildQueue,
      useFactory: (config: AppConfig) =>
        new ReportBuildQueue(config.reportBuildConcurrency, config.reportQueueLimit, config.reportClientLimit),
      inject: [APP_CONFIG],
    },
  ],
  exports: [ReportsService, EditionsService],
})
export class ReportsModule {}
