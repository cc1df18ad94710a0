import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { ComplianceModule } from '../compliance/compliance.module.js';
import { CompliancePagesController } from './compliance-pages.controller.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CorrectionsModule } from '../corrections/corrections.module.js';
import { HistoryModule } from '../history/history.module.js';
import { ItemsModule } from '../items/items.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { OutcomesModule } from '../outcomes/outcomes.module.js';
import { PartiesModule } from '../parties/parties.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { AccountsPagesController } from './accounts-pages.controller.js';
import { AssetsController, FaviconController } from './assets.controller.js';
import { AuditTokensPagesController } from './audit-tokens-pages.controller.js';
import { ConsoleGuard } from './console.guard.js';
import { ConsoleViewsService } from './console-views.service.js';
import { OutcomeEditorService } from './outcome-editor.service.js';
import { DashboardController } from './dashboard.controller.js';
import { ItemsPagesController } from './items-pages.controller.js';
import { MeetingsPagesController } from './meetings-pages.controller.js';
import { ReportsPagesController } from './reports-pages.controller.js';
import { ConsoleSessionRepository } from './sessions/console-session.repository.js';
import { ConsoleSessionsService } from './sessions/console-sessions.service.js';
import { SignInController } from './sign-in.controller.js';

// The web console: server-rendered pages over the same services as the API.
@Module({
  imports: [
    AuthModule,
    AccountsModule,
    ItemsModule,
    HistoryModule,
    MeetingsModule,
    PartiesModule,
    OutcomesModule,
    ComplianceModule,
    CorrectionsModule,
    ReportsModule,
    AuditModule,
  ],
  controllers: [
    AssetsController,
    FaviconController,
    SignInController,
    DashboardController,
    ItemsPagesController,
    MeetingsPagesController,
    ReportsPagesController,
    AuditTokensPagesController,
    AccountsPagesController,
    CompliancePagesController,
  ],
  providers: [
    ConsoleSessionRepository,
    ConsoleSessionsService,
    ConsoleGuard,
    ConsoleViewsService,
    OutcomeEditorService,
  ],
})
export class ConsoleModule {}
