import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('meetings')
export class MeetingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('UQ_meetings_slug', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  location: string;

  @Column({ name: 'held_on', type: 'varchar', length: 10 })
  heldOn: string;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt: string;
}
