import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, ValidateIf } from 'class-validator';
import { IsWebAddress } from '../../common/validators.js';
import { CreateItemDto } from './create-item.dto.js';

// Descriptive fields only. The slug names the item in URLs and the proposal date anchors its
// history, so neither changes after creation; state moves only through transitions. A field may
// be left out but not set to null (only sourceUrl can be removed): null is validated and refused.
export class UpdateItemDto extends PartialType(OmitType(CreateItemDto, ['slug', 'proposedOn', 'sourceUrl'] as const), {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({
    maxLength: 500,
    nullable: true,
    type: String,
    description: 'null removes it',
    example: 'https://www.nato.int/cps/en/natolive/news_68871.htm',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsWebAddress(500)
  sourceUrl?: string | null;
}
