import { ApiProperty, PickType } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PRINTABLE_MESSAGE, PRINTABLE_PATTERN } from '../../common/validators.js';
import { TakePositionDto } from '../../items/dto/take-position.dto.js';

// A party's stance on one item as a meeting recorded it: a position's fields, naming its item.
export class PositionOutcomeDto extends PickType(TakePositionDto, ['party', 'stance', 'statement', 'source'] as const) {
  @ApiProperty({ description: 'The item, by id or slug', example: 'joint-threat-review', minLength: 1, maxLength: 64 })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @Matches(PRINTABLE_PATTERN, { message: PRINTABLE_MESSAGE })
  item: string;
}
