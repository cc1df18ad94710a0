import { ApiProperty } from '@nestjs/swagger';
import { STANCES, type Stance } from '../parties/stance.js';
import { WORKFLOW_STATES, type WorkflowState } from '../workflow/workflow.definition.js';
import { ReportScopeView } from './status-report.view.js';

// A party's position in one cell of the matrix (its schema is inline in PositionsItemView).
export interface PositionCellView {
  stance: Stance;
  since: string;
}

export class PositionsItemView {
  @ApiProperty({ example: 'european-security-treaty' })
  slug: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: WORKFLOW_STATES, description: 'The state as of asOf' })
  state: WorkflowState;

  @ApiProperty({
    type: 'object',
    description: 'Every party of the report by slug: its position as of asOf, or null when it had taken none',
    // OpenAPI 3.0.3: nullable does not reach into an allOf reference, so the cell is spelled out here.
    additionalProperties: {
      type: 'object',
      nullable: true,
      required: ['stance', 'since'],
      properties: {
        stance: { type: 'string', enum: [...STANCES] },
        since: { type: 'string', description: 'The day the position took effect', example: '2010-09-22' },
      },
    },
    example: { russia: { stance: 'supports', since: '2009-11-29' }, nato: null },
  })
  positions: Record<string, PositionCellView | null>;
}

export class PositionsReport extends ReportScopeView {
  @ApiProperty({ example: '2010-09-23' })
  asOf: string;

  @ApiProperty({ description: 'True when only the items where parties pull apart are listed' })
  divergent: boolean;

  @ApiProperty({
    type: [String],
    description: 'The parties (known at knownAt), in slug order',
    example: ['nato', 'russia'],
  })
  parties: string[];

  @ApiProperty({
    type: [PositionsItemView],
    description: 'Every item proposed by asOf (and divergent, if asked), by slug',
  })
  items: PositionsItemView[];
}
