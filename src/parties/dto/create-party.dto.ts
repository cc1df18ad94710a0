import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import {
  PRINTABLE_MESSAGE,
  PRINTABLE_PATTERN,
  SLUG_MESSAGE,
  SLUG_PATTERN,
  SLUG_SCHEMA,
} from '../../common/validators.js';
import { PARTY_KINDS, type PartyKind } from '../stance.js';

export class CreatePartyDto {
  @ApiProperty({ ...SLUG_SCHEMA, example: 'france' })
  @IsString()
  @Length(3, 64, { message: SLUG_MESSAGE })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug: string;

  @ApiProperty({ maxLength: 200, example: 'France' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(PRINTABLE_PATTERN, { message: PRINTABLE_MESSAGE })
  name: string;

  @ApiProperty({ enum: PARTY_KINDS, example: 'state' })
  @IsIn(PARTY_KINDS)
  kind: PartyKind;
}
