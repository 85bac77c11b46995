import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The reporter's timeline: routing's decisions (keyed by event id) and the reporter's actions. */
@Entity({ schema: 'intake', name: 'timeline_entries' })
@Index('timeline_entries_complaint_idx', ['complaintId', 'at'])
export class TimelineEntryEntity {
  @PrimaryColumn({
    name: 'entry_id',
    type: 'uuid',
    primaryKeyConstraintName: 'timeline_entries_pkey',
  })
  entryId: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text', nullable: true })
  status: string | null;

  @Column({ type: 'text', nullable: true })
  agency: string | null;

  @Column({ type: 'jsonb' })
  detail: Record<string, unknown>;
}
