import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate, IsPrintableLine, IsSlug, SLUG_SCHEMA } from '../../common/validators.js';

export class CreateMeetingDto {
  @ApiProperty({ ...SLUG_SCHEMA, example: 'lisbon-summit-2010' })
  @IsSlug()
  slug: string;

  @ApiProperty({ maxLength: 200, example: 'NATO-Russia Council summit' })
  @IsPrintableLine(200)
  name: string;

  @ApiProperty({ maxLength: 200, example: 'Lisbon' })
  @IsPrintableLine(200)
  location: string;

  @ApiProperty({
    format: 'date',
    description: 'The day it was held (YYYY-MM-DD); a planned meeting may lie ahead',
    example: '2010-11-20',
  })
  @IsCalendarDate()
  heldOn: string;
}
