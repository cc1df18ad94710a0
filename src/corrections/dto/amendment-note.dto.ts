import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { MULTILINE_TEXT_PATTERN, PRINTABLE_MESSAGE } from '../../common/validators.js';

// Every correction and retraction says why; the note is stored as the new event's reason.
export class AmendmentNoteDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 2000,
    description: "Why the record is corrected or withdrawn; stored as the new event's reason",
    example: 'The outcome was entered with the date of the press release, not of the meeting.',
  })
  @IsString()
  @MaxLength(2000)
  @Matches(/\S/, { message: 'must not be empty or blank' })
  @Matches(MULTILINE_TEXT_PATTERN, { message: PRINTABLE_MESSAGE })
  note: string;
}
