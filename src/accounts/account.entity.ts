import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { TokenRole } from '../auth/api-token.entity.js';

// A person who signs in to the console. Only the argon2id hash of the password is stored. A
// disabled account keeps its row, so its username, which the history records as the actor, is
// never handed to somebody else.
@Entity('accounts')
export class AccountEntity {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Index('UQ_accounts_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 16 })
  role: TokenRole;

  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;

  @Column({ name: 'disabled_at', type: 'varchar', length: 24, nullable: true })
  disabledAt: string | null;
}
