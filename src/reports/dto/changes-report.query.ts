import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../common/validators.js';
import { ReportScopeQuery } from './report-scope.query.js';

export class ChangesReportQuery extends ReportScopeQuery {
  @ApiProperty({
    format: 'date',
    description: 'First day of the window, included (YYYY-MM-DD)',
    example: '2010-11-20',
  })
  @IsCalendarDate()
  from: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Last day of the window, included; today by default',
    example: '2010-11-20',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
