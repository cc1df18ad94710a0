import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import {
  IsCalendarDate,
  PRINTABLE_MESSAGE,
  PRINTABLE_PATTERN,
  SLUG_MESSAGE,
  SLUG_PATTERN,
  SLUG_SCHEMA,
} from '../../common/validators.js';

export class CreateMeetingDto {
  @ApiProperty({ ...SLUG_SCHEMA, example: 'lisbon-summit-2010' })
  @IsString()
  @Length(3, 64, { message: SLUG_MESSAGE })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug: string;

  @ApiProperty({ maxLength: 200, example: 'NATO-Russia Council summit' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(PRINTABLE_PATTERN, { message: PRINTABLE_MESSAGE })
  name: string;

  @ApiProperty({ maxLength: 200, example: 'Lisbon' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(PRINTABLE_PATTERN, { message: PRINTABLE_MESSAGE })
  location: string;

  @ApiProperty({
    format: 'date',
    description: 'The day it was held (YYYY-MM-DD); a planned meeting may lie ahead',
    example: '2010-11-20',
  })
  @IsCalendarDate()
  heldOn: string;
}
