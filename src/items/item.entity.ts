import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { WorkflowState } from '../workflow/workflow.definition.js';

// Calendar dates are stored as YYYY-MM-DD text and recorded instants as ISO 8601 UTC text: the
// same bytes on SQLite and PostgreSQL, no time-zone conversion anywhere, and they sort as strings.
@Entity('items')
@Index('IDX_items_category_state', ['category', 'state', 'slug'])
export class ItemEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('UQ_items_slug', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Index('IDX_items_category')
  @Column({ type: 'varchar', length: 64 })
  category: string;

  @Index('IDX_items_proposed_by')
  @Column({ name: 'proposed_by', type: 'varchar', length: 100 })
  proposedBy: string;

  @Column({ name: 'proposed_on', type: 'varchar', length: 10 })
  proposedOn: string;

  @Column({ name: 'source_url', type: 'varchar', length: 500, nullable: true })
  sourceUrl: string | null;

  @Index('IDX_items_state')
  @Column({ type: 'varchar', length: 32 })
  state: WorkflowState;

  @Column({ name: 'state_since', type: 'varchar', length: 10 })
  stateSince: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt: string;
}
