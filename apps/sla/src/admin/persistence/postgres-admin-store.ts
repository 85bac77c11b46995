import type { NationalHoliday, RegionalHoliday, WorkingWeek } from '@salur/calendar';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CalendarEdits } from '../../calendars/agency-calendars';
import type { PolicyRule } from '../../clocks/domain/sla-policy';
import { toPolicyRule } from '../../clocks/persistence/postgres-policy-source';
import { PostgresRecomputeJobs } from '../../clocks/persistence/postgres-recompute-jobs';
import type { AdminStore, AuditEntry, StoredHoliday } from '../application/admin-ports';

interface HolidayRow {
  date: string;
  name: string;
  kind: StoredHoliday['kind'];
  region_code: string | null;
  source: string;
  removed: boolean;
}

export class PostgresAdminStore implements AdminStore {
  constructor(private readonly manager: EntityManager) {}

  async lock(): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtext('salur.sla.admin'))`);
  }

  async policies(): Promise<PolicyRule[]> {
    const rows: Parameters<typeof toPolicyRule>[0][] = await this.manager.query(
      `SELECT stage, agency, category, complaint_type, version, duration, calendar, warnings,
              extension
       FROM sla.policies ORDER BY stage, agency NULLS FIRST, category NULLS FIRST,
         complaint_type NULLS FIRST, version`,
    );
    return rows.map(toPolicyRule);
  }

  async insertPolicy(rule: PolicyRule, actor: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO sla.policies (policy_id, stage, agency, category, complaint_type, version,
         duration, calendar, warnings, extension, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now(), $11)`,
      [
        randomUUID(),
        rule.stage,
        rule.agency,
        rule.category,
        rule.type,
        rule.version,
        rule.duration,
        rule.calendar,
        rule.warnings,
        rule.extension,
        actor,
      ],
    );
  }

  async insertHoliday(holiday: StoredHoliday, actor: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO sla.holidays (holiday_id, date, name, kind, region_code, source, removed,
         created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8)`,
      [
        randomUUID(),
        holiday.date,
        holiday.name,
        holiday.kind,
        holiday.regionCode,
        holiday.source,
        holiday.removed,
        actor,
      ],
    );
  }

  async deleteHolidayEdits(date: string, regionCode: string | null): Promise<number> {
    const rows: unknown[] = await this.manager.query(
      `DELETE FROM sla.holidays WHERE date = $1 AND region_code IS NOT DISTINCT FROM $2
       RETURNING holiday_id`,
      [date, regionCode],
    );
    return rows.length;
  }

  async holidayEdits(): Promise<CalendarEdits> {
    const rows: HolidayRow[] = await this.manager.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, name, kind, region_code, source, removed
       FROM sla.holidays ORDER BY date`,
    );
    const added: NationalHoliday[] = [];
    const removed: string[] = [];
    const regional: RegionalHoliday[] = [];
    for (const row of rows) {
      if (row.removed) removed.push(row.date);
      else if (row.kind === 'regional_holiday' && row.region_code !== null) {
        regional.push({
          date: row.date,
          name: row.name,
          regionCode: row.region_code,
          source: row.source,
        });
      } else if (row.kind !== 'regional_holiday') {
        added.push({ date: row.date, name: row.name, kind: row.kind, source: row.source });
      }
    }
    const weeks: { agency: string; working_week: WorkingWeek }[] = await this.manager.query(
      `SELECT agency, working_week FROM sla.agency_calendars`,
    );
    const workingWeeks = Object.fromEntries(weeks.map((w) => [w.agency, w.working_week]));
    return { added, removed, regional, workingWeeks };
  }

  async saveWorkingWeek(agency: string, workingWeek: WorkingWeek, actor: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO sla.agency_calendars (agency, working_week, updated_at, updated_by)
       VALUES ($1, $2, now(), $3)
       ON CONFLICT (agency) DO UPDATE SET working_week = EXCLUDED.working_week,
         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [agency, JSON.stringify(workingWeek), actor],
    );
  }

  async audit(entry: AuditEntry): Promise<void> {
    await this.manager.query(
      `INSERT INTO sla.audit_log (audit_id, at, actor, action, subject, details)
       VALUES ($1, now(), $2, $3, $4, $5)`,
      [randomUUID(), entry.actor, entry.action, entry.subject, JSON.stringify(entry.details)],
    );
  }

  async enqueueRecompute(
    job: { readonly reason: string; readonly agencies: readonly string[] | null },
    actor: string,
  ): Promise<void> {
    await new PostgresRecomputeJobs(this.manager).enqueue(job, actor);
  }

  async auditTrail(limit: number): Promise<(AuditEntry & { at: Date })[]> {
    return this.manager.query(
      `SELECT at, actor, action, subject, details FROM sla.audit_log ORDER BY at DESC LIMIT $1`,
      [limit],
    );
  }
}
