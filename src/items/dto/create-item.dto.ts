import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import {
  IsCalendarDate,
  IsMultilineText,
  IsNotFutureDate,
  IsPrintableLine,
  IsSlug,
  IsWebAddress,
  SLUG_SCHEMA,
} from '../../common/validators.js';

export class CreateItemDto {
  @ApiProperty({
    ...SLUG_SCHEMA,
    description: 'Unique, lower-case kebab-case, 3-64 characters',
    example: 'early-warning-radar-linking',
  })
  @IsSlug()
  slug: string;

  @ApiProperty({ maxLength: 200, example: 'Link NATO and Russian early-warning radar systems' })
  @IsPrintableLine(200)
  title: string;

  @ApiProperty({ maxLength: 5000 })
  @IsMultilineText(5000, 1)
  summary: string;

  @ApiProperty({ maxLength: 64, example: 'missile-defense' })
  @IsPrintableLine(64)
  category: string;

  @ApiProperty({ maxLength: 100, example: 'United States' })
  @IsPrintableLine(100)
  proposedBy: string;

  @ApiProperty({
    format: 'date',
    description: 'The day it was proposed (YYYY-MM-DD), not in the future',
    example: '2010-09-22',
  })
  @IsCalendarDate()
  @IsNotFutureDate()
  proposedOn: string;

  @ApiPropertyOptional({
    maxLength: 500,
    example: 'https://www.themoscowtimes.com/2010/09/22/nato-seeks-strategic-partnership-with-russia-a1645',
  })
  @IsOptional()
  @IsWebAddress(500)
  sourceUrl?: string;
}
