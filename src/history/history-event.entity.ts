import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { PartyEntity } from '../parties/party.entity.js';
import type { Stance } from '../parties/stance.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';
import type { EventAction } from './history-event.types.js';

// Append-only: the database refuses UPDATE and DELETE on this table (see the migrations).
@Entity('history_events')
@Index('UQ_history_events_item_seq', ['itemId', 'seq'], { unique: true })
@Index('IDX_history_events_effective_on', ['effectiveOn'])
@Index('IDX_history_events_batch', ['batchId'])
@Index('IDX_history_events_item_state', ['itemId', 'effectiveOn', 'seq', 'action', 'recordedAt', 'toState'])
@Index('IDX_history_events_recorded_at', ['recordedAt', 'action'])
@Index('IDX_history_events_meeting_id', ['meetingId', 'id'])
@Index('IDX_history_events_action_item', ['action', 'itemId', 'recordedAt'])
@Index('IDX_history_events_party_item', ['partyId', 'itemId', 'seq', 'effectiveOn', 'stance', 'recordedAt'])
@Index('IDX_history_events_item_stance', ['itemId', 'stance', 'partyId', 'seq'], { where: '"party_id" IS NOT NULL' })
export class HistoryEventEntity {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'item_id', type: 'varchar', length: 36 })
  itemId: string;

  // Named by string: items sit above history in the layers (docs/layout.md). Declared for the
  // foreign key only; no code loads the relation.
  @ManyToOne('ItemEntity', { onDelete: 'RESTRICT', onUpdate: 'RESTRICT', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_history_events_item' })
  item?: Relation<{ id: string }>;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 16 })
  action: EventAction;

  @Column({ name: 'from_state', type: 'varchar', length: 32, nullable: true })
  fromState: WorkflowState | null;

  @Column({ name: 'to_state', type: 'varchar', length: 32, nullable: true })
  toState: WorkflowState | null;

  // JSON text rather than a json column: the stored bytes are exactly what the hash covers.
  @Column({ type: 'text' })
  changes: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'effective_on', type: 'varchar', length: 10 })
  effectiveOn: string;

  @Column({ name: 'meeting_id', type: 'varchar', length: 36, nullable: true })
  meetingId: string | null;

  @ManyToOne(() => MeetingEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_history_events_meeting' })
  meeting?: Relation<MeetingEntity>;

  @Column({ type: 'varchar', length: 500, nullable: true })
  source: string | null;

  // Set on `positioned` events (whose position, and what it is) and on `assessed` ones (whose score).
  @Column({ name: 'party_id', type: 'varchar', length: 36, nullable: true })
  partyId: string | null;

  @ManyToOne(() => PartyEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'party_id', foreignKeyConstraintName: 'FK_history_events_party' })
  party?: Relation<PartyEntity>;

  @Column({ type: 'varchar', length: 16, nullable: true })
  stance: Stance | null;

  // Set on `assessed` events only: `1`, `0`, `-1` or `n/a` (see assessments/score.ts).
  @Column({ type: 'varchar', length: 3, nullable: true })
  score: string | null;

  @Column({ name: 'batch_id', type: 'varchar', length: 36, nullable: true })
  batchId: string | null;

  @Column({ type: 'varchar', length: 100 })
  actor: string;

  @Column({ name: 'recorded_at', type: 'varchar', length: 24 })
  recordedAt: string;

  // The seq (same item) of the event this one corrects or retracts; null on other events.
  @Column({ type: 'integer', nullable: true })
  corrects: number | null;

  @Column({ type: 'integer', nullable: true })
  retracts: number | null;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Index('UQ_history_events_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
