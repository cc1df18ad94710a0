import { ApiProperty } from '@nestjs/swagger';
import { EVENT_ACTIONS, type EventAction } from '../history/history-event.types.js';
import { WORKFLOW_STATES, type WorkflowState } from '../workflow/workflow.definition.js';

export class StandingView {
  @ApiProperty({ enum: WORKFLOW_STATES })
  state: WorkflowState;

  @ApiProperty({ format: 'date', example: '2010-11-20' })
  since: string;
}

export class RevisionEventView {
  @ApiProperty({ example: 5 })
  seq: number;

  @ApiProperty({ enum: EVENT_ACTIONS })
  action: EventAction;

  @ApiProperty({ nullable: true, type: String, description: "The event's reason (a correction's note)" })
  reason: string | null;

  @ApiProperty({ description: 'When the tracker recorded it (ISO 8601 UTC)' })
  recordedAt: string;

  @ApiProperty({ example: 'bootstrap' })
  actor: string;
}

// A state and the day it began, or null: inline, since a nullable $ref is not OpenAPI 3.0.
const STANDING_SCHEMA = {
  type: 'object' as const,
  nullable: true,
  properties: {
    state: { type: 'string' as const, enum: [...WORKFLOW_STATES] },
    since: { type: 'string' as const, format: 'date' },
  },
  required: ['state', 'since'],
};

export class RevisionDifference {
  @ApiProperty({ description: 'The item slug', example: 'cfe-treaty-update' })
  item: string;

  @ApiProperty({
    ...STANDING_SCHEMA,
    description: 'The status for asOf as known at from; null when the item was not in that report',
  })
  before: StandingView | null;

  @ApiProperty({
    ...STANDING_SCHEMA,
    description: 'The status for asOf as known at to; null when the item is not in that report',
  })
  after: StandingView | null;

  @ApiProperty({
    enum: ['development', 'correction'],
    description:
      'development: the dated events recorded in between (late news, back-dated entries) account for it alone; ' +
      'correction: it needs the corrections or retractions recorded in between',
  })
  kind: 'development' | 'correction';

  @ApiProperty({ type: [RevisionEventView], description: "The item's events recorded in between, oldest first" })
  events: RevisionEventView[];
}

export class RevisionsReport {
  @ApiProperty({ format: 'date', description: 'The day whose status is compared', example: '2010-11-21' })
  asOf: string;

  @ApiProperty({ description: 'The earlier instant (ISO 8601 UTC)', example: '2010-11-21T18:00:00.000Z' })
  from: string;

  @ApiProperty({ description: 'The later instant (ISO 8601 UTC)', example: '2010-11-28T09:00:00.000Z' })
  to: string;

  @ApiProperty({ type: [RevisionDifference], description: 'One per item whose status differs, by slug' })
  differences: RevisionDifference[];
}
