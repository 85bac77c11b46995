import type { ComplaintType, SlaStage } from '@salur/contracts';
import type { EntityManager } from 'typeorm';
import type { PolicySource } from '../application/ports';
import type { CalendarKind, StagePolicy } from '../domain/sla-clock';
import { resolvePolicy, type PolicyRule, type PolicyScope } from '../domain/sla-policy';

interface PolicyRow {
  stage: string;
  agency: string | null;
  category: string | null;
  complaint_type: string | null;
  version: number;
  duration: string;
  calendar: string;
  warnings: number[];
  extension: string | null;
}

export function toPolicyRule(row: PolicyRow): PolicyRule {
  return {
    stage: row.stage as SlaStage,
    agency: row.agency,
    category: row.category,
    type: row.complaint_type as ComplaintType | null,
    version: row.version,
    duration: row.duration,
    calendar: row.calendar as CalendarKind,
    warnings: [...row.warnings],
    extension: row.extension,
  };
}

/** Stored policies of a stage that could apply to a scope, newest versions included. */
export class PostgresPolicySource implements PolicySource {
  constructor(private readonly manager: EntityManager) {}

  async resolve(scope: PolicyScope): Promise<StagePolicy> {
    const rows: PolicyRow[] = await this.manager.query(
      `SELECT stage, agency, category, complaint_type, version, duration, calendar, warnings,
              extension
       FROM sla.policies
       WHERE stage = $1 AND (agency IS NULL OR agency = $2)
         AND (category IS NULL OR category = $3) AND (complaint_type IS NULL OR complaint_type = $4)`,
      [scope.stage, scope.agency, scope.category, scope.type],
    );
    return resolvePolicy(rows.map(toPolicyRule), scope);
  }
}
