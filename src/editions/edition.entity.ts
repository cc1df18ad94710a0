import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// A report as published from a head of the chain, kept as the bytes of its four formats: what
// GET /api/editions/:slug/report answers, the same forever. Never changed or deleted.
@Entity('editions')
@Index('IDX_editions_published_at', ['publishedAt'])
export class EditionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  report: string;

  // The report's query as JSON text (asOf filled in at publication when it was left out).
  @Column({ type: 'text' })
  query: string;

  @Column({ name: 'head_hash', type: 'varchar', length: 64 })
  headHash: string;

  @Column({ name: 'head_events', type: 'integer' })
  headEvents: number;

  @Column({ name: 'published_at', type: 'varchar', length: 24 })
  publishedAt: string;

  @Column({ name: 'published_by', type: 'varchar', length: 100 })
  publishedBy: string;

  @Column({ type: 'text' })
  json: string;

  @Column({ type: 'text' })
  csv: string;

  @Column({ type: 'text' })
  md: string;

  @Column({ type: 'text' })
  html: string;
}
