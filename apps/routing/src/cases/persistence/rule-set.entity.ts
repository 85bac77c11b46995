import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One version of the disposition rule set; rows are only ever added (the audit trail). */
@Entity({ schema: 'routing', name: 'rule_sets' })
export class RuleSetEntity {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'rule_sets_pkey' })
  version: number;

  @Column({ type: 'jsonb' })
  rules: unknown[];

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
