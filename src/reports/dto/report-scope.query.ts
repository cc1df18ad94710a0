import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsInstant, PRINTABLE_MESSAGE, PRINTABLE_PATTERN } from '../../common/validators.js';
import { REPORT_FORMATS, type ReportFormat } from '../report-format.js';

// What both reports share: which items, what the tracker knew, and the answer's format.
export class ReportScopeQuery {
  @ApiPropertyOptional({
    description:
      'Use only the events recorded at or before this instant (ISO 8601 with a zone), to reproduce a report as published then',
    example: '2010-11-21T12:00:00Z',
    format: 'date-time',
  })
  @IsOptional()
  @IsInstant()
  knownAt?: string;

  @ApiPropertyOptional({ example: 'missile-defense', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(PRINTABLE_PATTERN, { message: PRINTABLE_MESSAGE })
  category?: string;

  @ApiPropertyOptional({ example: 'United States', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(PRINTABLE_PATTERN, { message: PRINTABLE_MESSAGE })
  proposedBy?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: 'Overrides Accept; JSON by default' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}
