import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const AUDIT_PROBLEM_KINDS = [
  // The event's stored hash is not the hash of its content: it was edited after it was recorded.
  'changed_content',
  // The event does not link to the one before it, and no deletion or reordering explains it.
  'broken_link',
  // An event the chain or the item's sequence points to is not there.
  'missing_event',
  // The event the chain or the item's sequence points to is there, but later.
  'reordered',
  // The event is well chained but contradicts the item's history before it.
  'inconsistent_event',
  // An item row disagrees with its history, or has none.
  'item_mismatch',
  // The history no longer hashes to a head published earlier: it was rewritten and rehashed.
  'checkpoint_mismatch',
  // An edition names a head that is not a point of the chain (its events-th event has another hash).
  'edition_mismatch',
  // The database file itself is damaged (SQLite's integrity check fails, or a page cannot be read).
  'storage_corrupt',
] as const;

export type AuditProblemKind = (typeof AUDIT_PROBLEM_KINDS)[number];

export class AuditProblemView {
  @ApiProperty({ enum: AUDIT_PROBLEM_KINDS })
  kind: AuditProblemKind;

  @ApiPropertyOptional({ description: 'The first event that does not match', example: 1042 })
  eventId?: number;

  @ApiPropertyOptional({ description: 'Slug (or id, if the row is gone) of the item concerned' })
  item?: string;

  @ApiPropertyOptional({ description: "The event's position in its item's history" })
  seq?: number;

  @ApiProperty({
    example: 'Event #1042 does not hash to its stored hash: its content was changed after it was recorded.',
  })
  message: string;
}

export class AuditCheckpointView {
  @ApiProperty({ description: 'SHA-256 of the newest event at the time of the checkpoint' })
  hash: string;

  @ApiProperty({ description: 'How many events there were then' })
  events: number;
}

export type AuditReport =
  | { readonly ok: true; readonly events: number; readonly head: string; readonly checkpoints: AuditCheckpointView[] }
  | { readonly ok: false; readonly events: number; readonly firstProblem: AuditProblemView };

// The OpenAPI shape of AuditReport.
export class AuditReportView {
  @ApiProperty({ description: 'true when every event and item checked out' })
  ok: boolean;

  @ApiProperty({ description: 'Events checked (when not ok: the events before the first problem)' })
  events: number;

  @ApiPropertyOptional({ description: 'When ok: the hash of the newest event, to publish as a checkpoint' })
  head?: string;

  @ApiPropertyOptional({ type: [AuditCheckpointView], description: 'When ok: the checkpoints the history matched' })
  checkpoints?: AuditCheckpointView[];

  @ApiPropertyOptional({ type: AuditProblemView, description: 'When not ok: the first thing that does not match' })
  firstProblem?: AuditProblemView;
}

export class AuditHeadView {
  @ApiProperty({ description: 'SHA-256 of the newest event; it commits to every event before it' })
  hash: string;

  @ApiProperty({ description: 'How many events the history holds' })
  events: number;
}
