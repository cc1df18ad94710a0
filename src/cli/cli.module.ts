import { Module, type DynamicModule } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import type { AppConfig } from '../config/app-config.js';
import { ComplianceModule } from '../compliance/compliance.module.js';
import { CorrectionsModule } from '../corrections/corrections.module.js';
import { ConfigModule } from '../config/config.module.js';
import { ENTITIES } from '../entities.js';
import { DatabaseModule } from '../database/database.module.js';
import { ItemsModule } from '../items/items.module.js';
import { OutcomesModule } from '../outcomes/outcomes.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { TransferModule } from '../transfer/transfer.module.js';

// The services the command line uses, on the same database and migrations as the server, without HTTP.
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(ENTITIES),
        AuthModule,
        AccountsModule,
        ItemsModule,
        OutcomesModule,
        ComplianceModule,
        CorrectionsModule,
        AuditModule,
        ReportsModule,
        TransferModule,
      ],
    };
  }
}
