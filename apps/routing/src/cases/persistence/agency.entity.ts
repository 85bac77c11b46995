import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The agency directory routing keeps: seeded from the decree data, edited by admins. */
@Entity({ schema: 'routing', name: 'agencies' })
export class AgencyEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'agencies_pkey' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'short_name', type: 'text' })
  shortName: string;

  @Column({ type: 'text' })
  level: string;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode: string | null;

  @Column({ name: 'region_code', type: 'text', nullable: true })
  regionCode: string | null;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @Column({ name: 'has_ppid', type: 'boolean' })
  hasPpid: boolean;

  @Column({ type: 'boolean' })
  active: boolean;

  /** Position in the seed order (parents before children), so reads come back buildable. */
  @Column({ type: 'integer' })
  position: number;
}
