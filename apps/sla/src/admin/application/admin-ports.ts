import type { WorkingWeek } from '@salur/calendar';
import type { PolicyRule } from '../../clocks/domain/sla-policy';
import type { CalendarEdits } from '../../calendars/agency-calendars';

export interface AuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly details: Record<string, unknown>;
}

export interface StoredHoliday {
  readonly date: string;
  readonly name: string;
  readonly kind: 'national_holiday' | 'cuti_bersama' | 'regional_holiday';
  readonly regionCode: string | null;
  readonly source: string;
  readonly removed: boolean;
}

/** Policies, holiday edits and the audit trail, in one transaction. */
export interface AdminStore {
  /** Serialises changes to policies (their versions) and holidays. */
  lock(): Promise<void>;
  policies(): Promise<PolicyRule[]>;
  insertPolicy(rule: PolicyRule, actor: string): Promise<void>;
  insertHoliday(holiday: StoredHoliday, actor: string): Promise<void>;
  /** Deletes edit rows of that date and region; how many there were. */
  deleteHolidayEdits(date: string, regionCode: string | null): Promise<number>;
  holidayEdits(): Promise<CalendarEdits>;
  saveWorkingWeek(agency: string, workingWeek: WorkingWeek, actor: string): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;
  /**
   * Queues the recomputation of running clocks' deadlines after a calendar edit, in the edit's
   * transaction; `agencies` null for every calendar.
   */
  enqueueRecompute(
    job: { readonly reason: string; readonly agencies: readonly string[] | null },
    actor: string,
  ): Promise<void>;
}
