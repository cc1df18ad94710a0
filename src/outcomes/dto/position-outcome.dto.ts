import { IntersectionType, PickType } from '@nestjs/swagger';
import { TakePositionDto } from '../../items/dto/take-position.dto.js';
import { OutcomeDto } from './outcome.dto.js';

// A party's stance on one item as a meeting recorded it: a position's fields, naming its item.
export class PositionOutcomeDto extends IntersectionType(
  PickType(OutcomeDto, ['item'] as const),
  PickType(TakePositionDto, ['party', 'stance', 'statement', 'source'] as const),
) {}
