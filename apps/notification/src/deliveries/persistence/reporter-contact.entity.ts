import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What notification keeps of a submission: the reporter's contact details and a confidential
 * complaint's body, both sealed (AES-256-GCM), and the reporter's language.
 */
@Entity({ schema: 'notification', name: 'reporter_contacts' })
export class ReporterContactEntity {
  @PrimaryColumn({
    name: 'complaint_id',
    type: 'uuid',
    primaryKeyConstraintName: 'reporter_contacts_pkey',
  })
  complaintId: string;

  @Column({ type: 'text' })
  language: string;

  @Column({ name: 'contact_sealed', type: 'text', nullable: true })
  contactSealed: string | null;

  @Column({ name: 'body_sealed', type: 'text', nullable: true })
  bodySealed: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
