import { SCORE_SCHEMA } from '../assessments/score-schema.js';
import type { Score } from '../assessments/score.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WORKFLOW_STATES, type WorkflowState } from '../workflow/workflow.definition.js';
import { STANCES, type Stance } from '../parties/stance.js';

import { EVENT_ACTIONS, type EventAction, type FieldChanges } from './history-event.types.js';

export class HistoryEventView {
  @ApiProperty({ example: 42 })
  id: number;

  @ApiProperty({ description: 'The item slug', example: 'early-warning-radar-linking' })
  item: string;

  @ApiProperty({ description: 'Position in the item history, equal to the item version it produced', example: 3 })
  seq: number;

  @ApiProperty({ enum: EVENT_ACTIONS })
  action: EventAction;

  // OpenAPI 3.0.3: a nullable enum lists null among its values.
  @ApiProperty({
    enum: [...WORKFLOW_STATES, null],
    nullable: true,
    type: String,
    description: 'The state before; null on a created event',
  })
  fromState: WorkflowState | null;

  @ApiProperty({ enum: [...WORKFLOW_STATES, null], nullable: true, type: String, description: 'The state after' })
  toState: WorkflowState | null;

  @ApiProperty({
    description: 'Each changed field with its value before and after',
    example: { state: { from: 'proposed', to: 'agreed' } },
    type: 'object',
    additionalProperties: true,
  })
  changes: FieldChanges;

  @ApiProperty({ nullable: true, type: String })
  reason: string | null;

  @ApiProperty({ description: 'The day the change took effect in the world (YYYY-MM-DD)', example: '2010-11-20' })
  effectiveOn: string;

  @ApiProperty({ description: 'Slug of the meeting that decided it', nullable: true, type: String })
  meeting: string | null;

  @ApiProperty({ description: 'Citation: URL or document reference', nullable: true, type: String })
  source: string | null;

  @ApiProperty({ description: 'Set on every event of one meeting-outcomes request', nullable: true, type: String })
  batch: string | null;

  @ApiProperty({ description: 'Name of the token that made the change', example: 'bootstrap' })
  actor: string;

  @ApiProperty({ description: 'When the tracker recorded it (ISO 8601 UTC)' })
  recordedAt: string;

  @ApiProperty({ description: 'SHA-256 of this event, chained to the previous event' })
  hash: string;

  @ApiPropertyOptional({ description: 'On positioned and assessed events: the party slug', example: 'united-states' })
  party?: string;

  @ApiPropertyOptional({ enum: STANCES, description: "On positioned events: the party's stance" })
  stance?: Stance;

  @ApiPropertyOptional({
    ...SCORE_SCHEMA,
    description: "On assessed events: the party's compliance score (1 full, 0 partial, -1 none, n/a not bound)",
  })
  score?: Score;

  @ApiPropertyOptional({ description: 'On a corrected event: the seq of the event it corrects', example: 3 })
  corrects?: number;

  @ApiPropertyOptional({ description: 'On a retracted event: the seq of the event it withdraws', example: 3 })
  retracts?: number;

  @ApiPropertyOptional({
    type: [Number],
    description: 'On an event that was corrected: the seqs of its corrections, oldest first (the latest wins)',
    example: [5],
  })
  correctedBy?: number[];

  @ApiPropertyOptional({ description: 'On an event that was retracted: the seq of the retraction', example: 6 })
  retractedBy?: number;
}

export class HistoryPage {
  @ApiProperty({ type: [HistoryEventView], description: 'Oldest first' })
  data: HistoryEventView[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: '/api/items/early-warning-radar-linking/history?after=100&limit=100',
    description: 'The next page, or null on the last',
  })
  next: string | null;
}
