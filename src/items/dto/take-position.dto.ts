import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsMultilineText, IsPrintableLine } from '../../common/validators.js';
import { STANCES, type Stance } from '../../parties/stance.js';
import { TransitionItemDto } from './transition-item.dto.js';

// A party's stance on an item; dated, sourced and meeting-linked like a transition.
export class TakePositionDto extends PickType(TransitionItemDto, ['source', 'effectiveOn', 'meeting'] as const) {
  @ApiProperty({ description: 'The party, by id or slug', example: 'united-states', minLength: 1, maxLength: 64 })
  @IsPrintableLine(64)
  party: string;

  @ApiProperty({ enum: STANCES, example: 'supports' })
  @IsIn(STANCES)
  stance: Stance;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: "The party's statement, in short; stored as the event's reason",
  })
  @IsOptional()
  @IsMultilineText(2000)
  statement?: string;
}
