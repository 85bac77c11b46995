import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A clock's threshold waiting to fire, or fired: `(clock_id, threshold)` fires once. */
@Entity({ schema: 'sla', name: 'deadlines' })
@Index('deadlines_pending_fire_at_idx', ['fireAt'], { where: `"fired_at" IS NULL` })
@Index('deadlines_fired_at_idx', ['firedAt'], { where: `"fired_at" IS NOT NULL` })
export class SlaDeadlineEntity {
  @PrimaryColumn({ name: 'clock_id', type: 'uuid', primaryKeyConstraintName: 'deadlines_pkey' })
  clockId: string;

  @PrimaryColumn({ type: 'double precision', primaryKeyConstraintName: 'deadlines_pkey' })
  threshold: number;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'fire_at', type: 'timestamptz' })
  fireAt: Date;

  @Column({ name: 'fired_at', type: 'timestamptz', nullable: true })
  firedAt: Date | null;
}
