import { ApiProperty } from '@nestjs/swagger';
import { WORKFLOW_STATES, type WorkflowState } from '../workflow/workflow.definition.js';

export type StateCounts = Record<WorkflowState, number>;

// Every workflow state, zeros included.
export const STATE_COUNTS_SCHEMA = {
  type: 'object' as const,
  description: 'Items per workflow state; every state is named, zeros included',
  properties: Object.fromEntries(WORKFLOW_STATES.map((state) => [state, { type: 'integer' as const }])),
  required: [...WORKFLOW_STATES],
  example: { proposed: 3, under_discussion: 0, agreed: 4, rejected: 0, deferred: 1, implemented: 0, withdrawn: 0 },
};

export class HistoryHeadView {
  @ApiProperty({ description: 'Hash of the newest event counted: it commits to every event before it' })
  hash: string;

  @ApiProperty({ description: 'How many events the history held' })
  events: number;
}

// Which items a report covers and what the tracker knew; null where not asked for.
export class ReportScopeView {
  @ApiProperty({ nullable: true, type: String, description: 'Only events recorded up to this instant counted' })
  knownAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  category: string | null;

  @ApiProperty({ nullable: true, type: String })
  proposedBy: string | null;

  @ApiProperty({
    type: HistoryHeadView,
    description: 'The history head the report was built from (as of knownAt when given), a checkpoint to cite',
  })
  head: HistoryHeadView;
}

export class StatusItemView {
  @ApiProperty({ example: 'early-warning-radar-linking' })
  slug: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ example: 'missile-defense' })
  category: string;

  @ApiProperty({ example: 'United States' })
  proposedBy: string;

  @ApiProperty({ enum: WORKFLOW_STATES })
  state: WorkflowState;

  @ApiProperty({ description: 'Effective day of the change that put it in this state', example: '2010-11-20' })
  since: string;

  @ApiProperty({ nullable: true, type: String, description: 'The reason given for that change' })
  lastReason: string | null;
}

export class StatusReport extends ReportScopeView {
  @ApiProperty({ example: '2010-11-21' })
  asOf: string;

  @ApiProperty(STATE_COUNTS_SCHEMA)
  counts: StateCounts;

  @ApiProperty({ type: [StatusItemView], description: 'Every item proposed by asOf, by slug' })
  items: StatusItemView[];
}
