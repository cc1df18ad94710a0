import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../common/validators.js';
import { ReportScopeQuery } from './report-scope.query.js';

export class StatusReportQuery extends ReportScopeQuery {
  @ApiPropertyOptional({
    format: 'date',
    description: 'The day (YYYY-MM-DD); today by default',
    example: '2010-11-19',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}
