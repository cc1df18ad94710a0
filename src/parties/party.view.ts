import { ApiProperty } from '@nestjs/swagger';
import { PARTY_KINDS, type PartyKind } from './stance.js';

export class PartyView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'united-states' })
  slug: string;

  @ApiProperty({ example: 'United States' })
  name: string;

  @ApiProperty({ enum: PARTY_KINDS, example: 'state' })
  kind: PartyKind;
}

export class PartyList {
  @ApiProperty({ type: [PartyView], description: 'In slug order' })
  data: PartyView[];
}
