import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength, IsOptional } from 'class-validator';
import { MULTILINE_TEXT_PATTERN, PRINTABLE_MESSAGE, PRINTABLE_PATTERN } from '../../common/validators.js';
import { STANCES, type Stance } from '../../parties/stance.js';
import { TransitionItemDto } from './transition-item.dto.js';

// A party's stance on an item; dated, sourced and meeting-linked like a transition.
export class TakePositionDto extends PickType(TransitionItemDto, ['source', 'effectiveOn', 'meeting'] as const) {
  @ApiProperty({ description: 'The party, by id or slug', example: 'united-states', minLength: 1, maxLength: 64 })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @Matches(PRINTABLE_PATTERN, { message: PRINTABLE_MESSAGE })
  party: string;

  @ApiProperty({ enum: STANCES, example: 'supports' })
  @IsIn(STANCES)
  stance: Stance;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: "The party's statement, in short; stored as the event's reason",
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, { message: PRINTABLE_MESSAGE })
  statement?: string;
}
