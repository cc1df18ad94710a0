import { ApiProperty } from '@nestjs/swagger';

export class MeetingView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'lisbon-summit-2010' })
  slug: string;

  @ApiProperty({ example: 'NATO-Russia Council summit' })
  name: string;

  @ApiProperty({ example: 'Lisbon' })
  location: string;

  @ApiProperty({ example: '2010-11-20' })
  heldOn: string;
}

export class MeetingList {
  @ApiProperty({ type: [MeetingView], description: 'Most recent first' })
  data: MeetingView[];
}
