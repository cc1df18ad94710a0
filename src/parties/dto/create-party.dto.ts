import { ApiProperty, PickType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CreateMeetingDto } from '../../meetings/dto/create-meeting.dto.js';
import { PARTY_KINDS, type PartyKind } from '../stance.js';

// Slug and name follow the same rules as a meeting's.
export class CreatePartyDto extends PickType(CreateMeetingDto, ['slug', 'name'] as const) {
  @ApiProperty({ enum: PARTY_KINDS, example: 'state' })
  @IsIn(PARTY_KINDS)
  kind: PartyKind;
}
