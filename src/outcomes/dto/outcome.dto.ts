import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsPrintableLine, IsWholeNumber } from '../../common/validators.js';
import { TransitionItemDto } from '../../items/dto/transition-item.dto.js';

// One decision of a meeting about one item: a transition's fields, naming its item.
export class OutcomeDto extends PickType(TransitionItemDto, ['to', 'reason', 'source'] as const) {
  @ApiProperty({ description: 'The item, by id or slug', example: 'joint-threat-review', minLength: 1, maxLength: 64 })
  @IsPrintableLine(64)
  item: string;

  @ApiPropertyOptional({ minimum: 1, description: "When given, the item's current version must equal it (else 412)" })
  @IsOptional()
  @IsWholeNumber(1)
  expectedVersion?: number;
}
