import { SCORE_SCHEMA } from '../../assessments/score-schema.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { SCORES, type Score } from '../../assessments/score.js';
import { IsCalendarDate, IsMultilineText, IsNotFutureDate, IsPrintableLine } from '../../common/validators.js';

export const MAX_ASSESSMENTS_PER_BATCH = 5000;

// One cell of the score matrix: a party's compliance with one item.
export class AssessmentDto {
  @ApiProperty({ description: 'The item, by id or slug', example: 'joint-threat-review', minLength: 1, maxLength: 64 })
  @IsPrintableLine(64)
  item: string;

  @ApiProperty({ description: 'The party, by id or slug', example: 'russia', minLength: 1, maxLength: 64 })
  @IsPrintableLine(64)
  party: string;

  @ApiProperty({
    ...SCORE_SCHEMA,
    description: '1 full compliance, 0 partial, -1 none or action against it, "n/a" not bound by it',
    example: 1,
  })
  @IsIn(SCORES, { message: 'must be 1, 0, -1 or "n/a"' })
  score: Score;

  @ApiPropertyOptional({ maxLength: 4000, description: "What the score rests on; stored as the event's reason" })
  @IsOptional()
  @IsMultilineText(4000)
  evidence?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'A citation, URL or document reference' })
  @IsOptional()
  @IsMultilineText(500)
  source?: string;
}

export class ApplyAssessmentsDto {
  @ApiProperty({
    format: 'date',
    description:
      'The day the monitoring period ends (YYYY-MM-DD): the effective date of every score; not in the future',
    example: '2011-06-30',
  })
  @IsCalendarDate()
  @IsNotFutureDate()
  effectiveOn: string;

  @ApiProperty({ type: [AssessmentDto], minItems: 1, maxItems: MAX_ASSESSMENTS_PER_BATCH })
  @Type(() => AssessmentDto)
  @ValidateNested({ each: true })
  @ArrayMaxSize(MAX_ASSESSMENTS_PER_BATCH)
  @ArrayMinSize(1)
  @IsArray()
  assessments: AssessmentDto[];

  @ApiPropertyOptional({ default: false, description: 'Run every check and show what would change, writing nothing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
