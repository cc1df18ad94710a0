import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type TokenRole = 'admin' | 'viewer';

// Only the SHA-256 of a secret is stored. A revoked token keeps its row, so its name, which the
// history records as the actor, is never handed to somebody else.
@Entity('api_tokens')
export class ApiTokenEntity {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Index('UQ_api_tokens_name', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  role: TokenRole;

  @Index('UQ_api_tokens_secret_hash', { unique: true })
  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  secretHash: string;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  @Column({ name: 'revoked_at', type: 'varchar', length: 24, nullable: true })
  revokedAt: string | null;
}
