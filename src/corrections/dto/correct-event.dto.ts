import { SCORE_SCHEMA } from '../../assessments/score-schema.js';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import {
  IsCalendarDate,
  IsNotFutureDate,
  MULTILINE_TEXT_PATTERN,
  PRINTABLE_MESSAGE,
  PRINTABLE_PATTERN,
} from '../../common/validators.js';
import { SCORES, type Score } from '../../assessments/score.js';
import { AmendmentNoteDto } from './amendment-note.dto.js';

// The fields of a transition, a position or an assessment that a correction may amend; at least one besides the note.
export class CorrectEventDto extends AmendmentNoteDto {
  @ApiPropertyOptional({
    format: 'date',
    description:
      'The corrected day it took effect (YYYY-MM-DD): not in the future (400), and not before the previous ' +
      "standing change nor after the next one (409); for a position, the same party's previous and next positions",
  })
  @IsOptional()
  @IsCalendarDate()
  @IsNotFutureDate()
  effectiveOn?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 64,
    description: 'The deciding meeting, by id or slug; null clears it',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @Matches(PRINTABLE_PATTERN, { message: PRINTABLE_MESSAGE })
  meeting?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, description: 'The citation; null clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(MULTILINE_TEXT_PATTERN, { message: PRINTABLE_MESSAGE })
  source?: string | null;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 2000,
    description: "The corrected reason of the transition, or the position's statement",
  })
  @ValidateIf((dto: CorrectEventDto) => dto.reason !== undefined)
  @IsString()
  @MaxLength(2000)
  @Matches(/\S/, { message: 'must not be empty or blank' })
  @Matches(MULTILINE_TEXT_PATTERN, { message: PRINTABLE_MESSAGE })
  reason?: string;

  @ApiPropertyOptional({
    ...SCORE_SCHEMA,
    description: "An assessment's corrected score (1, 0, -1 or n/a); refused (409) on any other event",
  })
  @IsOptional()
  @IsIn(SCORES, { message: 'must be 1, 0, -1 or "n/a"' })
  score?: Score;
}
