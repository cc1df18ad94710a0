import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AllowedTransitionView } from '../items/item.view.js';
import { ProblemView } from '../common/api-problems.decorator.js';
import { STANCES, type Stance } from '../parties/stance.js';
import { WORKFLOW_STATES, type WorkflowState } from '../workflow/workflow.definition.js';

export class OutcomeChangeView {
  @ApiProperty({ description: 'The item slug', example: 'joint-threat-review' })
  item: string;

  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: WORKFLOW_STATES, example: 'proposed' })
  fromState: WorkflowState;

  @ApiProperty({ enum: WORKFLOW_STATES, example: 'agreed' })
  toState: WorkflowState;

  @ApiProperty({ description: 'The version the item has after the change (would have, on a dry run)', example: 2 })
  version: number;

  @ApiProperty({ nullable: true, type: String })
  reason: string | null;

  @ApiProperty({ nullable: true, type: String })
  source: string | null;
}

export class PositionChangeView {
  @ApiProperty({ description: 'The item slug', example: 'joint-threat-review' })
  item: string;

  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'The party slug', example: 'russia' })
  party: string;

  // OpenAPI 3.0.3: a nullable enum lists null among its values.
  @ApiProperty({
    enum: [...STANCES, null],
    nullable: true,
    type: String,
    description: "The party's stance before; null for its first",
  })
  fromStance: Stance | null;

  @ApiProperty({ enum: STANCES, example: 'supports' })
  toStance: Stance;

  @ApiProperty({ description: 'The version the item has after this position (would have, on a dry run)', example: 3 })
  version: number;

  @ApiProperty({ nullable: true, type: String })
  statement: string | null;

  @ApiProperty({ nullable: true, type: String })
  source: string | null;
}

export class OutcomesResultView {
  @ApiProperty({ description: 'The meeting slug', example: 'lisbon-summit-2010' })
  meeting: string;

  @ApiProperty({ description: "The meeting's day: the effective date of every change", example: '2010-11-20' })
  effectiveOn: string;

  @ApiProperty({ description: 'True when nothing was written' })
  dryRun: boolean;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Stamped as `batch` on every event written; null on a dry run',
  })
  batch: string | null;

  @ApiProperty({ type: [OutcomeChangeView], description: 'In the order of the request' })
  outcomes: OutcomeChangeView[];

  @ApiPropertyOptional({
    type: [PositionChangeView],
    description: 'In the order of the request; present when the request listed positions',
  })
  positions?: PositionChangeView[];
}

export class OutcomeFailureView {
  @ApiProperty({ description: 'Position of the outcome in the request, from 0', example: 3 })
  index: number;

  @ApiProperty({ description: 'The item as the request named it', example: 'cfe-treaty-update' })
  item: string;

  @ApiPropertyOptional({
    description: "On a position's failure: the party as the request named it (index is then in positions)",
    example: 'russia',
  })
  party?: string;

  @ApiProperty({
    enum: [
      'item_not_found',
      'duplicate_item',
      'version_mismatch',
      'transition_not_allowed',
      'reason_required',
      'effective_date_before_state_since',
      'party_not_found',
      'duplicate_position',
      'position_out_of_order',
    ],
  })
  code: string;

  @ApiProperty({ description: 'The status this outcome alone would have had', example: 409 })
  status: number;

  @ApiProperty()
  message: string;

  @ApiPropertyOptional({ type: [AllowedTransitionView], description: 'On transition_not_allowed' })
  allowedTransitions?: AllowedTransitionView[];

  @ApiPropertyOptional({ description: 'On version_mismatch' })
  currentVersion?: number;

  @ApiPropertyOptional({ description: 'On duplicate_item or duplicate_position: where it was first named' })
  firstIndex?: number;
}

export class OutcomesProblemView extends ProblemView {
  @ApiPropertyOptional({
    type: [OutcomeFailureView],
    description:
      'Every failing outcome, in request order; absent when the body itself is invalid or the meeting is ahead',
  })
  failures?: OutcomeFailureView[];
}
