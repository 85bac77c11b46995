import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The newest complaint snapshot version applied to a complaint's clocks. */
@Entity({ schema: 'sla', name: 'complaints' })
export class SlaComplaintEntity {
  @PrimaryColumn({
    name: 'complaint_id',
    type: 'uuid',
    primaryKeyConstraintName: 'complaints_pkey',
  })
  complaintId: string;

  @Column({ type: 'integer' })
  version: number;
}
