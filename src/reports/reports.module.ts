import { Module } from '@nestjs/common';
import { PartiesModule } from '../parties/parties.module.js';
import { PositionsModule } from '../positions/positions.module.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [PartiesModule, PositionsModule],
  controllers: [ReportsController],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
