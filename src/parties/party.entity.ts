import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PartyKind } from './stance.js';

// A state, an organization or a group that takes positions on items.
@Entity('parties')
export class PartyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('UQ_parties_slug', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: PartyKind;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;
}
