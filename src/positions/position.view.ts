import { ApiProperty } from '@nestjs/swagger';
import { STANCES, type Stance } from '../parties/stance.js';

export class PositionView {
  @ApiProperty({ description: 'The party slug', example: 'united-states' })
  party: string;

  @ApiProperty({ enum: STANCES, example: 'supports' })
  stance: Stance;

  @ApiProperty({ description: 'The day the position took effect (YYYY-MM-DD)', example: '2010-09-22' })
  since: string;

  @ApiProperty({ nullable: true, type: String, description: "The party's statement, if one was recorded" })
  statement: string | null;
}

export class ConsensusView {
  @ApiProperty({ type: [String], description: 'Party slugs, in slug order', example: ['united-states'] })
  supports: string[];

  @ApiProperty({ type: [String], example: [] })
  conditional: string[];

  @ApiProperty({ type: [String], example: [] })
  undecided: string[];

  @ApiProperty({ type: [String], example: ['russia'] })
  opposes: string[];
}
