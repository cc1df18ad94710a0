import { SCORE_SCHEMA } from '../assessments/score-schema.js';
import type { Score } from '../assessments/score.js';
import { ProblemView } from '../common/api-problems.decorator.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ConsensusView, PositionView } from '../positions/position.view.js';
import { WORKFLOW_STATES, type WorkflowState } from '../workflow/workflow.definition.js';

export class AllowedTransitionView {
  @ApiProperty({ enum: WORKFLOW_STATES })
  to: WorkflowState;

  @ApiProperty()
  requiresReason: boolean;
}

// A 409 for a transition: the moves the workflow allows from the item's current state.
export class TransitionProblemView extends ProblemView {
  @ApiPropertyOptional({ type: [AllowedTransitionView], description: 'On transition_not_allowed' })
  allowedTransitions?: AllowedTransitionView[];
}

export class ItemView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'early-warning-radar-linking' })
  slug: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  summary: string;

  @ApiProperty({ example: 'missile-defense' })
  category: string;

  @ApiProperty({ example: 'United States' })
  proposedBy: string;

  @ApiProperty({ example: '2010-09-22' })
  proposedOn: string;

  @ApiProperty({ nullable: true, type: String })
  sourceUrl: string | null;

  @ApiProperty({ enum: WORKFLOW_STATES })
  state: WorkflowState;

  @ApiProperty({ description: 'The effective day of the last state change', example: '2010-09-22' })
  stateSince: string;

  @ApiProperty({ description: 'Starts at 1, one up with every change; also the ETag', example: 1 })
  version: number;

  @ApiProperty()
  createdAt: string;

  @ApiProperty()
  updatedAt: string;
}

export class ItemAssessmentView {
  @ApiProperty({ example: 'russia' })
  party: string;

  @ApiProperty({
    ...SCORE_SCHEMA,
    example: 1,
  })
  score: Score;

  @ApiProperty({ description: 'The day the monitoring period it scores ended', example: '2011-06-30' })
  since: string;

  @ApiProperty({ nullable: true, type: String, description: 'What the score rests on' })
  evidence: string | null;
}

export class ItemDetailView extends ItemView {
  @ApiProperty({ type: [AllowedTransitionView] })
  allowedTransitions: AllowedTransitionView[];

  @ApiProperty({ type: [PositionView], description: "Each party's current position, in party slug order" })
  positions: PositionView[];

  @ApiProperty({ type: ConsensusView, description: 'Which parties stand where' })
  consensus: ConsensusView;

  @ApiProperty({
    type: [ItemAssessmentView],
    description: "Each party's standing compliance score, corrections applied, in party slug order",
  })
  assessments: ItemAssessmentView[];
}

export class ItemPage {
  @ApiProperty({ type: [ItemView] })
  data: ItemView[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}
