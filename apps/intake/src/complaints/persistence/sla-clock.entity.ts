import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The SLA service's clocks of each complaint, as far as the reporter's due date needs them. */
@Entity({ schema: 'intake', name: 'sla_clocks' })
export class SlaClockEntity {
  @PrimaryColumn({ name: 'clock_id', type: 'uuid', primaryKeyConstraintName: 'sla_clocks_pkey' })
  clockId: string;

  @Index('sla_clocks_complaint_idx')
  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @Column({ type: 'text' })
  stage: string;

  @Column({ type: 'text', nullable: true })
  agency: string | null;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text' })
  state: string;

  /** Time of the last event applied; older events do not overwrite newer ones. */
  @Column({ name: 'event_time', type: 'timestamptz' })
  eventTime: Date;
}
