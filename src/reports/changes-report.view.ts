import { ApiProperty, IntersectionType, PickType } from '@nestjs/swagger';
import { PositionChangeView } from '../outcomes/outcomes.view.js';
import { WORKFLOW_STATES, type WorkflowState } from '../workflow/workflow.definition.js';
import { ReportScopeView, STATE_COUNTS_SCHEMA, type StateCounts } from './status-report.view.js';

export class ChangeView {
  @ApiProperty({ description: 'The item slug', example: 'early-warning-radar-linking' })
  item: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: WORKFLOW_STATES })
  fromState: WorkflowState;

  @ApiProperty({ enum: WORKFLOW_STATES })
  toState: WorkflowState;

  @ApiProperty({ example: '2010-11-20' })
  effectiveOn: string;

  @ApiProperty({ nullable: true, type: String })
  reason: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Slug of the meeting that decided it' })
  meeting: string | null;

  @ApiProperty({ nullable: true, type: String })
  source: string | null;

  @ApiProperty({ description: 'Name of the token that recorded it' })
  actor: string;

  @ApiProperty({ description: 'When the tracker recorded it (ISO 8601 UTC)' })
  recordedAt: string;
}

// A position taken in the window: where and when as a transition shows it, who and what as an
// outcomes answer does.
export class PositionChangeEventView extends IntersectionType(
  PickType(ChangeView, ['item', 'title', 'effectiveOn', 'meeting', 'source', 'actor', 'recordedAt'] as const),
  PickType(PositionChangeView, ['party', 'fromStance', 'toStance', 'statement'] as const),
) {}

export class TimelinePointView {
  @ApiProperty({ example: '2010-11-20' })
  day: string;

  @ApiProperty({ ...STATE_COUNTS_SCHEMA, description: 'Items per state at the end of that day' })
  counts: StateCounts;
}

export class ChangesReport extends ReportScopeView {
  @ApiProperty({ example: '2010-11-20' })
  from: string;

  @ApiProperty({ example: '2010-11-20' })
  to: string;

  @ApiProperty({ ...STATE_COUNTS_SCHEMA, description: 'The status counts on the day before from' })
  countsBefore: StateCounts;

  @ApiProperty({ ...STATE_COUNTS_SCHEMA, description: 'The status counts on to' })
  countsAfter: StateCounts;

  @ApiProperty({ type: [ChangeView], description: 'Transitions effective in the window, in effect order' })
  transitions: ChangeView[];

  @ApiProperty({ type: [PositionChangeEventView], description: 'The positions taken in the window, in effect order' })
  positions: PositionChangeEventView[];

  @ApiProperty({
    type: [TimelinePointView],
    description: 'The counts at the end of each day in the window on which an item was proposed or changed state',
  })
  timeline: TimelinePointView[];
}
