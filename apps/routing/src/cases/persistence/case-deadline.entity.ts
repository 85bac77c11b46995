import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The holding agency's follow-up deadline per complaint, from `salur.sla.*` events. */
@Entity({ schema: 'routing', name: 'case_deadlines' })
export class CaseDeadlineEntity {
  @PrimaryColumn({
    name: 'complaint_id',
    type: 'uuid',
    primaryKeyConstraintName: 'case_deadlines_pkey',
  })
  complaintId: string;

  @Column({ name: 'clock_id', type: 'uuid' })
  clockId: string;

  @Column({ type: 'text', nullable: true })
  agency: string | null;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text' })
  state: string;
}
