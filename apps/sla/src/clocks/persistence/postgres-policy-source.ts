import type { ComplaintType, SlaStage } from '@salur/contracts';
import { oncePerTransaction } from '@salur/messaging';
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
    // resolvePolicy picks among the rules that match the scope.
    return resolvePolicy(await this.stageRules(scope.stage), scope);
  }

  /**
   * Every stored policy of a stage, read once per transaction: the events of a consumed batch
   * resolve their clocks' policies from one read (the table holds a few rows per agency at most).
   */
  private stageRules(stage: SlaStage): Promise<PolicyRule[]> {
    return oncePerTransaction(this.manager, `sla.policies:${stage}`, async () => {
      const rows: PolicyRow[] = await this.manager.query(
        `SELECT stage, agency, category, complaint_type, version, duration, calendar, warnings,
                extension
         FROM sla.policies WHERE stage = $1`,
        [stage],
      );
      return rows.map(toPolicyRule);
    });
  }
}
