import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import type { AppConfig } from './config/app-config.js';
import { ComplianceModule } from './compliance/compliance.module.js';
import { CorrectionsModule } from './corrections/corrections.module.js';
import { EditionsModule } from './editions/editions.module.js';
import { ConfigModule } from './config/config.module.js';
import { ConsoleModule } from './console/console.module.js';
import { ENTITIES } from './entities.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { HistoryModule } from './history/history.module.js';
import { ItemsModule } from './items/items.module.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { PartiesModule } from './parties/parties.module.js';
import { OutcomesModule } from './outcomes/outcomes.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { StartupModule } from './startup/startup.module.js';
import { WorkflowModule } from './workflow/workflow.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(ENTITIES),
        AuthModule,
        WorkflowModule,
        ItemsModule,
        HistoryModule,
        MeetingsModule,
        PartiesModule,
        OutcomesModule,
        ComplianceModule,
        CorrectionsModule,
        ReportsModule,
        EditionsModule,
        HealthModule,
        StartupModule,
        AuditModule,
        ConsoleModule,
      ],
    };
  }
}
