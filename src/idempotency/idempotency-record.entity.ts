import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// The first answer to an Idempotency-Key, kept in the database so that every instance sees it.
// A row with no status is a request still in flight.
@Entity('idempotency_records')
@Index('IDX_idempotency_records_expires_at', ['expiresAt'])
export class IdempotencyRecordEntity {
  @PrimaryColumn({ type: 'varchar', length: 300 })
  key: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  @Column({ name: 'expires_at', type: 'varchar', length: 24 })
  expiresAt: string;
}
