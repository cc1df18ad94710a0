import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, Length, Matches, MaxLength, MinLength } from 'class-validator';
import {
  IsCalendarDate,
  IsNotFutureDate,
  MULTILINE_TEXT_PATTERN,
  PRINTABLE_MESSAGE,
  PRINTABLE_PATTERN,
  SLUG_MESSAGE,
  SLUG_PATTERN,
  SLUG_SCHEMA,
} from '../../common/validators.js';

export class CreateItemDto {
  @ApiProperty({
    ...SLUG_SCHEMA,
    description: 'Unique, lower-case kebab-case, 3-64 characters',
    example: 'early-warning-radar-linking',
  })
  @IsString()
  @Length(3, 64, { message: SLUG_MESSAGE })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug: string;

  @ApiProperty({ maxLength: 200, example: 'Link NATO and Russian early-warning radar systems' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(PRINTABLE_PATTERN, { message: PRINTABLE_MESSAGE })
  title: string;

  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  @Matches(MULTILINE_TEXT_PATTERN, { message: PRINTABLE_MESSAGE })
  summary: string;

  @ApiProperty({ maxLength: 64, example: 'missile-defense' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @Matches(PRINTABLE_PATTERN, { message: PRINTABLE_MESSAGE })
  category: string;

  @ApiProperty({ maxLength: 100, example: 'United States' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(PRINTABLE_PATTERN, { message: PRINTABLE_MESSAGE })
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
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  // IsUrl lets control characters through in the path.
  @Matches(PRINTABLE_PATTERN, { message: PRINTABLE_MESSAGE })
  sourceUrl?: string;
}
