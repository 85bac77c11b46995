import type { ComplaintSnapshot } from '@salur/contracts';
import { OutboxWriter, UnitOfWork } from '@salur/messaging';
import { runMigrations, serviceDataSourceOptions } from '@salur/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { slaDatabase } from '../../src/database/data-source';

/** A complaint snapshot as routing publishes it, assigned to Balikpapan's government. */
export function snapshot(overrides: Partial<ComplaintSnapshot> = {}): ComplaintSnapshot {
  const now = new Date().toISOString();
  return {
    complaintId: randomUUID(),
    trackingId: 'SLR-4H8P-2D9Q-7K3M',
    status: 'awaiting_follow_up',
    agency: 'pemda-64.71',
    agencyLevel: 'regency',
    regionCode: '64.71',
    category: 'infrastruktur',
    type: 'complaint',
    privacy: 'public',
    channel: 'web',
    title: 'Jalan berlubang',
    body: 'Lubang besar di depan pasar',
    submittedAt: now,
    updatedAt: now,
    verifiedAt: null,
    respondedAt: null,
    closedAt: null,
    version: 2,
    previousAgencies: [],
    ...overrides,
  };
}

/** The sla schema migrated into `url`, a data source on it and a unit of work with the outbox. */
export async function slaDataSource(url: string, migrate = true) {
  if (migrate) await runMigrations(slaDatabase(url));
  const dataSource = new DataSource(serviceDataSourceOptions({ ...slaDatabase(url), poolSize: 4 }));
  await dataSource.initialize();
  const unitOfWork = new UnitOfWork(
    dataSource,
    new OutboxWriter({ schema: 'sla', source: '/salur/sla' }),
  );
  return { dataSource, unitOfWork };
}

/** Stores a policy version, as the admin API does. */
export async function storePolicy(
  dataSource: DataSource,
  policy: {
    stage: string;
    duration: string;
    calendar: string;
    warnings: number[];
    version?: number;
    agency?: string;
    /** Default: P7D for follow_up, none otherwise, as the admin API does. */
    extension?: string | null;
  },
): Promise<void> {
  await dataSource.query(
    `INSERT INTO sla.policies (policy_id, stage, agency, category, complaint_type, version, duration,
       calendar, warnings, extension, created_at, created_by)
     VALUES ($1, $2, $3, NULL, NULL, $4, $5, $6, $7, $8, now(), 'test')`,
    [
      randomUUID(),
      policy.stage,
      policy.agency ?? null,
      policy.version ?? 2,
      policy.duration,
      policy.calendar,
      policy.warnings,
      policy.extension === undefined
        ? policy.stage === 'follow_up'
          ? 'P7D'
          : null
        : policy.extension,
    ],
  );
}

export interface OutboxEvent {
  type: string;
  data: Record<string, unknown>;
}

/** What the outbox holds, in write order. */
export async function outboxEvents(dataSource: DataSource): Promise<OutboxEvent[]> {
  const rows: { event_type: string; payload: string }[] = await dataSource.query(
    `SELECT event_type, payload FROM sla.outbox ORDER BY position`,
  );
  return rows.map((r) => ({
    type: r.event_type,
    data: JSON.parse(r.payload) as Record<string, unknown>,
  }));
}
