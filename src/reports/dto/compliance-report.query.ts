import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { IsSlug } from '../../common/validators.js';
import { StatusReportQuery } from './status-report.query.js';

export class ComplianceReportQuery extends StatusReportQuery {
  @ApiPropertyOptional({
    description: 'The party columns, by slug, in order (comma-separated); by default every party with a score, by slug',
    example: 'nato,russia,united-states',
    maxLength: 2000,
  })
  @IsOptional()
  @MaxLength(2000)
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:,[a-z0-9]+(?:-[a-z0-9]+)*)*$/, {
    message: 'must be party slugs separated by commas',
  })
  parties?: string;

  @ApiPropertyOptional({
    description: 'A compliance edition to compare with (its slug, 3 to 64 characters); one that is not is a 400',
    minLength: 3,
    pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
  })
  @IsOptional()
  @IsSlug()
  compareTo?: string;
}
