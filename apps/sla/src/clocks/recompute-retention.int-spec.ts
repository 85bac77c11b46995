import { AgencyDirectory } from '@salur/directory';
import type { UnitOfWork } from '@salur/messaging';
import { createTestDatabase, type TestDatabase } from '@salur/testing';
import type { DataSource } from 'typeorm';
import { slaDataSource, snapshot } from '../../test/support/sla-fixtures';
import { AgencyCalendars, NO_EDITS } from '../calendars/agency-calendars';
import { ApplyComplaintEvent } from './application/apply-complaint-event/apply-complaint-event.use-case';
import type { ApplyComplaintEventCommand } from './application/apply-complaint-event/apply-complaint-event.command';
import { RecomputeDeadlines } from './application/recompute-deadlines/recompute-deadlines.use-case';
import { PostgresClockStore } from './persistence/postgres-clock-store';
import { PostgresPolicySource } from './persistence/postgres-policy-source';
import { PostgresRecomputeJobs } from './persistence/postgres-recompute-jobs';
import { PostgresRetention } from './persistence/postgres-retention';

const agencies = AgencyDirectory.standard();

let db: TestDatabase;
let dataSource: DataSource;
let unitOfWork: UnitOfWork;

beforeAll(async () => {
  db = await createTestDatabase('sla-recompute');
  ({ dataSource, unitOfWork } = await slaDataSource(db.url));
});

afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

function apply(calendars: AgencyCalendars, command: ApplyComplaintEventCommand) {
  return unitOfWork.run((tx) =>
    new ApplyComplaintEvent(calendars).execute(
      {
        clocks: new PostgresClockStore(tx.manager),
        deadlines: new PostgresClockStore(tx.manager),
        policies: new PostgresPolicySource(tx.manager),
        publish: (...events) => tx.publish(...events),
      },
      command,
    ),
  );
}

/** A complaint routed to `agency` on Monday 3 September 2029, 09:00 WITA (a 5-working-day clock). */
async function routedTo(calendars: AgencyCalendars, agency: string) {
  const complaint = snapshot({
    agency,
    regionCode: agency.replace('pemda-', ''),
    submittedAt: '2029-09-03T00:30:00.000Z',
    verifiedAt: '2029-09-03T00:59:00.000Z',
    updatedAt: '2029-09-03T01:00:00.000Z',
    version: 3,
  });
  await apply(calendars, { transition: 'routed', complaint });
  return complaint;
}

async function followUp(complaintId: string) {
  const clocks = await new PostgresClockStore(dataSource.manager, { lock: false }).forComplaint(
    complaintId,
  );
  return clocks.find((c) => c.stage === 'follow_up')!;
}

function step(recompute: RecomputeDeadlines) {
  return dataSource.transaction((manager) => {
    const store = new PostgresClockStore(manager);
    return recompute.step({
      jobs: new PostgresRecomputeJobs(manager),
      clocks: store,
      deadlines: store,
    });
  });
}

describe('recomputing running clocks after a calendar edit (Postgres)', () => {
  it('works through a job in batches, continuing after a restart, and audits it', async () => {
    const before = new AgencyCalendars(agencies);
    const balikpapan = [];
    for (let i = 0; i < 5; i++) balikpapan.push(await routedTo(before, 'pemda-64.71'));
    const samarinda = await routedTo(before, 'pemda-64.72');
    expect((await followUp(balikpapan[0].complaintId)).dueAt.toISOString()).toBe(
      '2029-09-10T08:00:00.000Z',
    );

    // Wednesday 5 September 2029 becomes a holiday in Balikpapan, queued with the edit.
    await new PostgresRecomputeJobs(dataSource.manager).enqueue(
      { reason: 'holiday.added 2029-09-05 64.71', agencies: ['pemda-64.71'] },
      'admin-1',
    );
    const edited = () => {
      const calendars = new AgencyCalendars(agencies);
      calendars.useEdits({
        ...NO_EDITS,
        regional: [
          { date: '2029-09-05', name: 'Libur daerah', regionCode: '64.71', source: 'uji' },
        ],
      });
      return calendars;
    };

    // One batch of two, then the replica stops; another (fresh state) goes on from the cursor.
    expect(await step(new RecomputeDeadlines(edited(), 2))).toMatchObject({
      kind: 'progress',
      recomputed: 2,
    });
    const restarted = new RecomputeDeadlines(edited(), 2);
    expect(await step(restarted)).toMatchObject({ kind: 'progress', recomputed: 4 });
    expect(await step(restarted)).toMatchObject({ kind: 'finished', recomputed: 5 });
    expect(await step(restarted)).toEqual({ kind: 'idle' });

    for (const complaint of balikpapan) {
      const clock = await followUp(complaint.complaintId);
      expect(clock.dueAt.toISOString()).toBe('2029-09-11T08:00:00.000Z');
      const pending: { threshold: number; fire_at: Date }[] = await dataSource.query(
        `SELECT threshold, fire_at FROM sla.deadlines WHERE clock_id = $1 AND fired_at IS NULL
         ORDER BY threshold`,
        [clock.clockId],
      );
      expect(pending.map((p) => [p.threshold, p.fire_at.toISOString()])).toEqual([
        [0.5, '2029-09-07T00:30:00.000Z'],
        [0.8, expect.any(String)],
        [1, '2029-09-11T08:00:00.000Z'],
      ]);
    }
    expect((await followUp(samarinda.complaintId)).dueAt.toISOString()).toBe(
      '2029-09-10T08:00:00.000Z',
    );
    const audit: { actor: string; action: string; subject: string; details: object }[] =
      await dataSource.query(
        `SELECT actor, action, subject, details FROM sla.audit_log WHERE action = 'clocks.recomputed'`,
      );
    expect(audit).toEqual([
      {
        actor: 'admin-1',
        action: 'clocks.recomputed',
        subject: 'holiday.added 2029-09-05 64.71',
        details: expect.objectContaining({ agencies: ['pemda-64.71'], recomputed: 5 }),
      },
    ]);
  });
});

describe('retention and the open-clock counts (Postgres)', () => {
  it('deletes fired deadlines and ended agency clocks past the cutoff, in batches, keeping the rest', async () => {
    const calendars = new AgencyCalendars(agencies);
    const old = await routedTo(calendars, 'pemda-64.71');
    await apply(calendars, {
      transition: 'responded',
      complaint: { ...old, status: 'responded', updatedAt: '2029-09-04T01:00:00.000Z', version: 4 },
    });
    const kept = await routedTo(calendars, 'pemda-64.71');
    // The first complaint's follow-up clock ended long ago and one of its deadlines fired.
    const ended = await followUp(old.complaintId);
    await dataSource.query(
      `UPDATE sla.clocks SET ended_at = now() - interval '200 days' WHERE clock_id = $1`,
      [ended.clockId],
    );
    const firedClock = await followUp(kept.complaintId);
    await dataSource.query(
      `UPDATE sla.deadlines SET fired_at = now() - interval '200 days'
       WHERE clock_id = $1 AND threshold = 0.5`,
      [firedClock.clockId],
    );
    await dataSource.query(
      `INSERT INTO sla.deadlines (clock_id, threshold, kind, fire_at, fired_at)
       VALUES ($1, 0.25, 'warning', now(), now() - interval '200 days')`,
      [firedClock.clockId],
    );
    const retention = new PostgresRetention(dataSource);
    const cutoff = new Date(Date.now() - 90 * 86_400_000);
    expect(await retention.deleteFiredDeadlines(cutoff, 1)).toBe(1);
    expect(await retention.deleteFiredDeadlines(cutoff, 1)).toBe(1);
    expect(await retention.deleteFiredDeadlines(cutoff, 1)).toBe(0);
    expect(await retention.deleteEndedClocks(cutoff, 10)).toBe(1);

    const left: { complaint_id: string; stage: string; status: string }[] = await dataSource.query(
      `SELECT complaint_id, stage, status FROM sla.clocks WHERE complaint_id = ANY($1::uuid[])
       ORDER BY complaint_id, stage`,
      [[old.complaintId, kept.complaintId]],
    );
    // The old complaint keeps its submission stages (the transitions read them) and its
    // running auto-close clock; its ended follow-up clock is gone, with its deadlines.
    expect(left.filter((c) => c.complaint_id === old.complaintId).map((c) => c.stage)).toEqual([
      'auto_close',
      'resolution',
      'verification',
    ]);
    expect(left.filter((c) => c.complaint_id === kept.complaintId)).toHaveLength(3);
    const orphans: unknown[] = await dataSource.query(
      `SELECT 1 FROM sla.deadlines d WHERE NOT EXISTS
         (SELECT 1 FROM sla.clocks c WHERE c.clock_id = d.clock_id)`,
    );
    expect(orphans).toEqual([]);
    const pending: { threshold: number }[] = await dataSource.query(
      `SELECT threshold FROM sla.deadlines WHERE clock_id = $1 ORDER BY threshold`,
      [firedClock.clockId],
    );
    expect(pending.map((p) => p.threshold)).toEqual([0.8, 1]);
  });

  it('counts open clocks per stage and status from the trigger deltas, as a count would', async () => {
    const calendars = new AgencyCalendars(agencies);
    const complaint = await routedTo(calendars, 'pemda-64.74');
    await apply(calendars, {
      transition: 'info_requested',
      complaint: {
        ...complaint,
        status: 'in_progress',
        updatedAt: '2029-09-04T01:00:00.000Z',
        version: 4,
      },
    });
    // A clock inserted and deleted directly (as the benchmark seeds them) is counted too.
    const another = await followUp((await routedTo(calendars, 'pemda-64.02')).complaintId);
    await dataSource.query(`DELETE FROM sla.deadlines WHERE clock_id = $1`, [another.clockId]);
    await dataSource.query(`DELETE FROM sla.clocks WHERE clock_id = $1`, [another.clockId]);
    const retention = new PostgresRetention(dataSource);
    const counted = await retention.openClockCounts();
    const actual: { stage: string; status: string; n: number }[] = await dataSource.query(
      `SELECT stage, status, count(*)::int AS n FROM sla.clocks
       WHERE status IN ('running', 'paused', 'breached') GROUP BY stage, status`,
    );
    const byKey = (rows: { stage: string; status: string; n: number }[]) =>
      Object.fromEntries(rows.map((r) => [`${r.stage}/${r.status}`, r.n]));
    expect(byKey(counted)).toEqual(byKey(actual));
    expect(byKey(counted)['follow_up/paused']).toBeGreaterThanOrEqual(1);
    // Folding again with nothing new changes nothing.
    expect(byKey(await retention.openClockCounts())).toEqual(byKey(actual));
  });
});
