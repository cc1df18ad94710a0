import { NULLABLE_SCORE_SCHEMA, SCORE_SCHEMA } from '../assessments/score-schema.js';
import { ApiProperty, ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { ProblemView } from '../common/api-problems.decorator.js';
import { OutcomeChangeView, PositionChangeView } from '../outcomes/outcomes.view.js';
import type { Score } from '../assessments/score.js';
import { STANCES, type Stance } from '../parties/stance.js';

// One retracted event: the item's state before and after, as an outcome shows it.
export class RetractionChangeView extends PickType(OutcomeChangeView, [
  'item',
  'id',
  'fromState',
  'toState',
  'version',
] as const) {
  @ApiProperty({ description: 'The seq of the event withdrawn', example: 4 })
  retracts: number;

  @ApiProperty({ description: "The note, stored as the retraction's reason" })
  reason: string;
}

// One retracted position: the party's stance before, and the position it returns to (or none).
export class PositionRetractionView extends IntersectionType(
  PickType(PositionChangeView, ['item', 'id', 'party', 'version'] as const),
  PickType(RetractionChangeView, ['retracts', 'reason'] as const),
) {
  @ApiProperty({ enum: STANCES, description: 'The stance withdrawn', example: 'supports' })
  fromStance: Stance;

  // OpenAPI 3.0.3: a nullable enum lists null among its values.
  @ApiProperty({
    enum: [...STANCES, null],
    nullable: true,
    type: String,
    description: "The party's position before the one withdrawn; null when it had none",
  })
  toStance: Stance | null;
}

// One retracted assessment: the party's score withdrawn, and the one it returns to (or none).
export class AssessmentRetractionView extends IntersectionType(
  PickType(PositionChangeView, ['item', 'id', 'party', 'version'] as const),
  PickType(RetractionChangeView, ['retracts', 'reason'] as const),
) {
  @ApiProperty({ ...SCORE_SCHEMA, description: 'The score withdrawn', example: 1 })
  from: Score;

  @ApiProperty({
    ...NULLABLE_SCORE_SCHEMA,
    description: "The party's score before the one withdrawn; null when it had none",
  })
  to: Score | null;
}

export class BatchRetractionView {
  @ApiProperty({ format: 'uuid', description: 'The outcomes batch withdrawn' })
  retracts: string;

  @ApiProperty({ nullable: true, type: String, description: "The batch's meeting slug", example: 'lisbon-summit-2010' })
  meeting: string | null;

  @ApiProperty({ description: 'The day the retraction was recorded (YYYY-MM-DD)', example: '2026-11-28' })
  effectiveOn: string;

  @ApiProperty({ description: 'True when nothing was written' })
  dryRun: boolean;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The new batch stamped on every retraction event written; null on a dry run',
  })
  batch: string | null;

  @ApiProperty({
    type: [RetractionChangeView],
    description: 'One per retracted transition, each item newest first',
  })
  outcomes: RetractionChangeView[];

  @ApiPropertyOptional({
    type: [PositionRetractionView],
    description: 'One per retracted position, each item newest first; present when the batch recorded positions',
  })
  positions?: PositionRetractionView[];

  @ApiPropertyOptional({
    type: [AssessmentRetractionView],
    description: 'One per retracted assessment, each item newest first; present when the batch recorded assessments',
  })
  assessments?: AssessmentRetractionView[];
}

export class RetractionFailureView {
  @ApiProperty({ description: 'The item slug', example: 'cfe-treaty-update' })
  item: string;

  @ApiProperty({ description: "The batch event's seq in its item history", example: 4 })
  seq: number;

  @ApiProperty({ enum: ['retraction_not_latest', 'event_not_amendable'] })
  code: string;

  @ApiProperty({ description: 'The status this event alone would have had', example: 409 })
  status: number;

  @ApiProperty()
  message: string;

  @ApiPropertyOptional({ type: [Number], description: 'On retraction_not_latest: the later standing events' })
  laterEvents?: number[];
}

export class AmendmentProblemView extends ProblemView {
  @ApiPropertyOptional({
    type: [Number],
    description: 'On retraction_not_latest: the later standing events of the same kind',
  })
  laterEvents?: number[];

  @ApiPropertyOptional({ description: 'On correction_out_of_order: the earliest day allowed', format: 'date' })
  earliest?: string;

  @ApiPropertyOptional({
    description: 'On correction_out_of_order: the latest day allowed (null: up to today)',
    format: 'date',
    nullable: true,
    type: String,
  })
  latest?: string | null;
}

export class BatchRetractionProblemView extends ProblemView {
  @ApiPropertyOptional({
    type: [RetractionFailureView],
    description: 'On batch_retraction_rejected: every failing event',
  })
  failures?: RetractionFailureView[];
}
