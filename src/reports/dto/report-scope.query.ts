import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsInstant } from '../../common/validators.js';
import { REPORT_FORMATS, type ReportFormat } from '../report-format.js';

// What both reports share: which items, what the tracker knew, and the answer's format.
export class ReportScopeQuery {
  @ApiPropertyOptional({
    description:
      'Use only the events recorded at or before this instant (ISO 8601 with a zone), to reproduce a report as published then',
    example: '2010-11-21T12:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  knownAt?: string;

  @ApiPropertyOptional({ example: 'missile-defense' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  category?: string;

  @ApiPropertyOptional({ example: 'United States' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  proposedBy?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: 'Overrides Accept; JSON by default' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}
