import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsUrl, MaxLength, ValidateIf } from 'class-validator';
import { CreateItemDto } from './create-item.dto.js';

// Descriptive fields only. The slug names the item in URLs and the proposal date anchors its
// history, so neither changes after creation; state moves only through transitions.
export class UpdateItemDto extends PartialType(OmitType(CreateItemDto, ['slug', 'proposedOn', 'sourceUrl'] as const)) {
  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String, description: 'null removes it' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  sourceUrl?: string | null;
}
