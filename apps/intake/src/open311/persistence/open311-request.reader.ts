import type { EntityManager } from 'typeorm';
import { reporterDueDate, type SlaClockState } from '../../complaints/domain/sla-due';
import type { Open311RequestView, RequestQuery } from '../domain/open311';

interface Row {
  tracking_id: string;
  complaint_id: string;
  status: string;
  category: string | null;
  title: string;
  current_agency: string | null;
  region_code: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  submitted_at: Date;
  updated_at: Date;
}

interface ClockRow {
  complaint_id: string;
  clock_id: string;
  stage: 'verification' | 'follow_up' | 'resolution' | 'auto_close';
  agency: string | null;
  due_at: Date;
  state: SlaClockState;
}

/**
 * Service requests as Open311 lists them, straight from intake's tables in one set-based query
 * (plus one for their SLA clocks). Confidential complaints are never returned.
 */
export class Open311RequestReader {
  constructor(private readonly manager: EntityManager) {}

  async find(query: RequestQuery): Promise<Open311RequestView[]> {
    const conditions = [`privacy <> 'confidential'`];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.ids !== null) {
      conditions.push(`tracking_id = ANY(${param(query.ids)})`);
    } else {
      conditions.push(`submitted_at >= ${param(query.from)}`, `submitted_at <= ${param(query.to)}`);
      if (query.serviceCodes !== null)
        conditions.push(`category = ANY(${param(query.serviceCodes)})`);
      if (query.status === 'closed') conditions.push(`status IN ('closed', 'rejected')`);
      if (query.status === 'open') conditions.push(`status NOT IN ('closed', 'rejected')`);
    }
    const rows: Row[] = await this.manager.query(
      `SELECT tracking_id, complaint_id, status, category, title, current_agency, region_code,
              address, lat, lon, submitted_at, updated_at
         FROM intake.submissions WHERE ${conditions.join(' AND ')}
        ORDER BY submitted_at DESC LIMIT ${param(query.limit)}`,
      params,
    );
    if (rows.length === 0) return [];
    const clocks: ClockRow[] = await this.manager.query(
      `SELECT complaint_id, clock_id, stage, agency, due_at, state FROM intake.sla_clocks
        WHERE complaint_id = ANY($1)`,
      [rows.map((r) => r.complaint_id)],
    );
    return rows.map((r) => {
      const own = clocks
        .filter((c) => c.complaint_id === r.complaint_id)
        .map((c) => ({
          clockId: c.clock_id,
          stage: c.stage,
          agency: c.agency,
          dueAt: new Date(c.due_at),
          state: c.state,
        }));
      return {
        trackingId: r.tracking_id,
        status: r.status,
        category: r.category,
        title: r.title,
        agency: r.current_agency,
        regionCode: r.region_code,
        address: r.address,
        lat: r.lat,
        lon: r.lon,
        submittedAt: new Date(r.submitted_at),
        updatedAt: new Date(r.updated_at),
        dueAt: reporterDueDate(own, r.current_agency)?.dueAt ?? null,
      };
    });
  }

  async trackingIdOf(complaintId: string): Promise<string | null> {
    if (!/^[0-9a-f-]{36}$/i.test(complaintId)) return null;
    const rows: { tracking_id: string }[] = await this.manager.query(
      `SELECT tracking_id FROM intake.submissions WHERE complaint_id = $1 AND privacy <> 'confidential'`,
      [complaintId],
    );
    return rows[0]?.tracking_id ?? null;
  }
}
