import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, IsInstant } from '../../common/validators.js';
import { REPORT_FORMATS, type ReportFormat } from '../report-format.js';

export class RevisionsReportQuery {
  @ApiPropertyOptional({ format: 'date', description: 'The day whose status is compared; today by default' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiProperty({
    format: 'date-time',
    description: 'The earlier instant, ISO 8601 with a zone: what was known then (as published then)',
    example: '2010-11-21T18:00:00Z',
  })
  @IsInstant()
  from: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'The later instant, ISO 8601 with a zone; now by default',
    example: '2010-11-28T09:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: 'Overrides Accept; JSON by default' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}
