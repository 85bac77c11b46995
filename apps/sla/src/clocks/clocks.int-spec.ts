import { AgencyDirectory } from '@salur/directory';
import { createTestDatabase, waitFor, type TestDatabase } from '@salur/testing';
import type { DataSource } from 'typeorm';
import type { UnitOfWork } from '@salur/messaging';
import pino from 'pino';
import {
  outboxEvents,
  slaDataSource,
  snapshot,
  storePolicy,
} from '../../test/support/sla-fixtures';
import { AgencyCalendars } from '../calendars/agency-calendars';
import { ApplyComplaintEvent } from './application/apply-complaint-event/apply-complaint-event.use-case';
import type {
  ApplyComplaintEventCommand,
  ComplaintSubmittedCommand,
} from './application/apply-complaint-event/apply-complaint-event.command';
import { FireDueDeadlines } from './application/fire-deadlines/fire-due-deadlines.use-case';
import { PostgresClockStore } from './persistence/postgres-clock-store';
import { PostgresPolicySource } from './persistence/postgres-policy-source';
import { DeadlineScheduler } from './scheduler/deadline-scheduler';

const agencies = AgencyDirectory.standard();
const calendars = new AgencyCalendars(agencies);
const apply = new ApplyComplaintEvent(calendars);
const logger = pino({ level: 'silent' });

let db: TestDatabase;
let primary: { dataSource: DataSource; unitOfWork: UnitOfWork };
const schedulers: DeadlineScheduler[] = [];
const extra: DataSource[] = [];

beforeAll(async () => {
  db = await createTestDatabase('sla-clocks');
  primary = await slaDataSource(db.url);
});

afterEach(async () => {
  await Promise.all(schedulers.splice(0).map((s) => s.stop()));
  await primary.dataSource.query(
    `TRUNCATE sla.clocks, sla.deadlines, sla.complaints, sla.policies, sla.outbox`,
  );
});

afterAll(async () => {
  await Promise.all(extra.map((d) => d.destroy()));
  await primary.dataSource.destroy();
  await db.drop();
});

function slaTx(tx: Parameters<Parameters<UnitOfWork['run']>[0]>[0]) {
  return {
    clocks: new PostgresClockStore(tx.manager),
    deadlines: new PostgresClockStore(tx.manager),
    policies: new PostgresPolicySource(tx.manager),
    publish: (...events: Parameters<typeof tx.publish>) => tx.publish(...events),
  };
}

function handle(command: ApplyComplaintEventCommand, unitOfWork = primary.unitOfWork) {
  return unitOfWork.run((tx) => apply.execute(slaTx(tx), command));
}

function submit(command: ComplaintSubmittedCommand) {
  return primary.unitOfWork.run((tx) => apply.startSubmission(slaTx(tx), command));
}

const agencyStages = new Set(['follow_up', 'auto_close']);
const stageOrder = ['verification', 'resolution', 'follow_up', 'auto_close'];

function scheduler(
  unitOfWork: UnitOfWork,
  options: { batchSize?: number; lateAfterMs?: number } = {},
): DeadlineScheduler {
  const s = new DeadlineScheduler({
    transactions: unitOfWork,
    fire: new FireDueDeadlines(calendars, {
      lateAfterMs: options.lateAfterMs ?? 1_000,
      canEscalate: (agency) => agencies.escalationTargetOf(agency) !== null,
    }),
    batchSize: options.batchSize ?? 50,
    pollIntervalMs: 50,
    logger,
  });
  schedulers.push(s);
  return s;
}

async function clocksOf(complaintId: string) {
  return new PostgresClockStore(primary.dataSource.manager, { lock: false }).forComplaint(
    complaintId,
  );
}

/** Clocks started at one instant come back in id order: these are sorted by stage as well. */
async function staged(complaintId: string) {
  return (await clocksOf(complaintId)).sort(
    (a, b) => stageOrder.indexOf(a.stage) - stageOrder.indexOf(b.stage),
  );
}

describe('clocks driven by complaint events (Postgres)', () => {
  it('start, pause, resume, meet and restart per agency, each event applied once', async () => {
    const base = snapshot({ submittedAt: '2026-11-02T01:00:00.000Z' });
    const routed = { ...base, updatedAt: '2026-11-02T02:00:00.000Z', version: 2 };
    await handle({ transition: 'routed', complaint: routed });
    // Redelivered, and an older snapshot arriving late: no effect.
    await handle({ transition: 'routed', complaint: routed });
    await handle({ transition: 'verified', complaint: { ...routed, version: 1 } });
    // No submitted event came: the submission stages start from the snapshot, verification
    // already over (the complaint was routed).
    const all = await staged(base.complaintId);
    expect(all.filter((c) => !agencyStages.has(c.stage)).map((c) => [c.stage, c.status])).toEqual([
      ['verification', 'met'],
      ['resolution', 'running'],
    ]);
    let clocks = all.filter((c) => agencyStages.has(c.stage));
    expect(clocks.map((c) => [c.stage, c.status, c.agency])).toEqual([
      ['follow_up', 'running', 'pemda-64.71'],
    ]);
    expect(clocks[0].dueAt.toISOString()).toBe('2026-11-09T08:00:00.000Z');

    await handle({
      transition: 'info_requested',
      complaint: { ...base, updatedAt: '2026-11-03T02:00:00.000Z', version: 3 },
    });
    await handle({
      transition: 'acknowledged',
      complaint: { ...base, updatedAt: '2026-11-05T00:00:00.000Z', version: 4 },
    });
    clocks = (await clocksOf(base.complaintId)).filter((c) => agencyStages.has(c.stage));
    expect(clocks[0]).toMatchObject({ status: 'running' });
    expect(clocks[0].dueAt.toISOString()).toBe('2026-11-11T06:00:00.000Z');

    await handle({
      transition: 'forwarded',
      complaint: {
        ...base,
        agency: 'pemda-64',
        agencyLevel: 'province',
        updatedAt: '2026-11-05T02:00:00.000Z',
        version: 5,
      },
    });
    await handle({
      transition: 'responded',
      complaint: {
        ...base,
        agency: 'pemda-64',
        agencyLevel: 'province',
        updatedAt: '2026-11-06T02:00:00.000Z',
        version: 6,
      },
    });
    clocks = (await clocksOf(base.complaintId)).filter((c) => agencyStages.has(c.stage));
    expect(clocks.map((c) => [c.stage, c.status, c.agency])).toEqual([
      ['follow_up', 'stopped', 'pemda-64.71'],
      ['follow_up', 'met', 'pemda-64'],
      ['auto_close', 'running', 'pemda-64'],
    ]);
    const events = (await outboxEvents(primary.dataSource)).filter((e) =>
      agencyStages.has(String(e.data.stage)),
    );
    expect(events.map((e) => e.type.replace('salur.sla.', '').replace('.v1', ''))).toEqual([
      'started',
      'paused',
      'resumed',
      'met',
      'started',
      'met',
      'started',
    ]);
    expect(events[5].data).toMatchObject({
      agency: 'pemda-64',
      withinSla: true,
      stage: 'follow_up',
    });
    // Pending deadlines belong to running clocks only.
    const pending: { clock_id: string }[] = await primary.dataSource.query(
      `SELECT DISTINCT clock_id FROM sla.deadlines WHERE fired_at IS NULL`,
    );
    expect(pending.map((p) => p.clock_id).sort()).toEqual(
      (await clocksOf(base.complaintId))
        .filter((c) => c.status === 'running')
        .map((c) => c.clockId)
        .sort(),
    );

    await handle({
      transition: 'closed',
      complaint: { ...base, status: 'closed', updatedAt: '2026-11-07T02:00:00.000Z', version: 7 },
    });
    clocks = await clocksOf(base.complaintId);
    expect(clocks.every((c) => c.status === 'met' || c.status === 'stopped')).toBe(true);
    const [{ n }] = await primary.dataSource.query(
      `SELECT count(*)::int AS n FROM sla.deadlines WHERE fired_at IS NULL`,
    );
    expect(n).toBe(0);
  });
});

describe('verification and resolution clocks (Postgres)', () => {
  const submittedAt = '2026-11-02T01:00:00.000Z';

  function submission(complaintId: string): ComplaintSubmittedCommand {
    return { complaintId, type: 'complaint', category: null, regionCode: '64.71', submittedAt };
  }

  it('a submission starts both once; verified meets verification, closed meets resolution', async () => {
    const base = snapshot({
      submittedAt,
      status: 'pending_verification',
      agency: null,
      agencyLevel: null,
    });
    await submit(submission(base.complaintId));
    await submit(submission(base.complaintId)); // redelivered
    let clocks = await staged(base.complaintId);
    expect(clocks.map((c) => [c.stage, c.status, c.agency, c.calendar])).toEqual([
      ['verification', 'running', null, 'business'],
      ['resolution', 'running', null, '24x7'],
    ]);
    // Submitted Monday 08:00 WIB: 3 working days in the national calendar end Wednesday 16:00 WIB.
    expect(clocks[0].dueAt.toISOString()).toBe('2026-11-04T09:00:00.000Z');
    expect(clocks[1].dueAt.toISOString()).toBe('2027-01-01T01:00:00.000Z');

    const verifiedAt = '2026-11-03T03:00:00.000Z';
    await handle({
      transition: 'verified',
      complaint: { ...base, verifiedAt, updatedAt: verifiedAt, version: 2 },
    });
    await handle({
      transition: 'routed',
      complaint: {
        ...snapshot({ complaintId: base.complaintId, submittedAt }),
        verifiedAt,
        updatedAt: verifiedAt,
        version: 3,
      },
    });
    clocks = await staged(base.complaintId);
    expect(clocks.map((c) => [c.stage, c.status])).toEqual([
      ['verification', 'met'],
      ['resolution', 'running'],
      ['follow_up', 'running'],
    ]);
    await handle({
      transition: 'closed',
      complaint: {
        ...snapshot({ complaintId: base.complaintId, submittedAt }),
        status: 'closed',
        verifiedAt,
        updatedAt: '2026-11-10T02:00:00.000Z',
        version: 4,
      },
    });
    clocks = await staged(base.complaintId);
    expect(clocks.map((c) => [c.stage, c.status])).toEqual([
      ['verification', 'met'],
      ['resolution', 'met'],
      ['follow_up', 'stopped'],
    ]);
    const met = (await outboxEvents(primary.dataSource)).filter(
      (e) => e.type === 'salur.sla.met.v1' && e.data.stage !== 'follow_up',
    );
    expect(met.map((e) => [e.data.stage, e.data.withinSla])).toEqual([
      ['verification', true],
      ['resolution', true],
    ]);
    const [{ n }] = await primary.dataSource.query(
      `SELECT count(*)::int AS n FROM sla.deadlines WHERE fired_at IS NULL`,
    );
    expect(n).toBe(0);
  });

  it('routed before submitted: no duplicates, no clock lost', async () => {
    const verifiedAt = '2026-11-02T03:00:00.000Z';
    const routed = snapshot({ submittedAt, verifiedAt, updatedAt: verifiedAt, version: 3 });
    await handle({ transition: 'routed', complaint: routed });
    await submit(submission(routed.complaintId));
    // The verified event, older than routed, arrives last and is ignored.
    await handle({
      transition: 'verified',
      complaint: { ...routed, status: 'pending_verification', version: 2 },
    });
    const clocks = await staged(routed.complaintId);
    expect(clocks.map((c) => [c.stage, c.status])).toEqual([
      ['verification', 'met'],
      ['resolution', 'running'],
      ['follow_up', 'running'],
    ]);
    expect(clocks[0].startedAt.toISOString()).toBe(submittedAt);
    expect(clocks[0].endedAt?.toISOString()).toBe(verifiedAt);
    expect(clocks[1].startedAt.toISOString()).toBe(submittedAt);
    const started = (await outboxEvents(primary.dataSource)).filter(
      (e) => e.type === 'salur.sla.started.v1',
    );
    expect(started.map((e) => String(e.data.stage)).sort()).toEqual([
      'follow_up',
      'resolution',
      'verification',
    ]);
  });
});

describe('the deadline scheduler (Postgres)', () => {
  it('fires every warning and breach exactly once with two replicas sharing the work', async () => {
    await storePolicy(primary.dataSource, {
      stage: 'follow_up',
      duration: 'PT2S',
      calendar: '24x7',
      warnings: [0.5, 0.8],
    });
    const second = await slaDataSource(db.url, false);
    extra.push(second.dataSource);
    const complaints = Array.from({ length: 60 }, () => snapshot());
    for (const complaint of complaints) await handle({ transition: 'routed', complaint });
    scheduler(primary.unitOfWork, { batchSize: 7 }).start();
    scheduler(second.unitOfWork, { batchSize: 7 }).start();

    const expected = complaints.length * 4; // two warnings, a breach, an escalation request
    await waitFor(
      async () => {
        const events = await outboxEvents(primary.dataSource);
        return (
          events.filter((e) => !e.type.endsWith('started.v1') && e.data.stage === 'follow_up')
            .length >= expected
        );
      },
      { timeoutMs: 30_000, description: `${expected} deadline events` },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const fired = (await outboxEvents(primary.dataSource)).filter(
      (e) => !e.type.endsWith('started.v1') && e.data.stage === 'follow_up',
    );
    expect(fired).toHaveLength(expected);
    const keys = fired.map(
      (e) => `${String(e.data.clockId)}|${e.type}|${String(e.data.threshold)}`,
    );
    expect(new Set(keys).size).toBe(expected);
    const escalation = fired.find((e) => e.type === 'salur.sla.escalation-requested.v1');
    expect(escalation?.data).toMatchObject({ fromAgency: 'pemda-64.71', late: false });
    const breaches = await primary.dataSource.query(
      `SELECT count(*)::int AS n FROM sla.clocks WHERE stage = 'follow_up' AND status = 'breached'`,
    );
    expect(breaches[0].n).toBe(complaints.length);
  });

  it('after downtime fires what was missed in due order, marked late', async () => {
    await storePolicy(primary.dataSource, {
      stage: 'follow_up',
      duration: 'PT1S',
      calendar: '24x7',
      warnings: [0.5],
    });
    // Assigned 10 minutes ago, one per second: every deadline passed while no scheduler ran.
    const start = Date.now() - 600_000;
    for (let i = 0; i < 20; i++) {
      const at = new Date(start + i * 1_000).toISOString();
      await handle({
        transition: 'routed',
        complaint: snapshot({ submittedAt: at, updatedAt: at }),
      });
    }
    scheduler(primary.unitOfWork, { batchSize: 6, lateAfterMs: 5_000 }).start();
    await waitFor(
      async () =>
        (await outboxEvents(primary.dataSource)).filter((e) => e.type === 'salur.sla.breached.v1')
          .length === 20,
      { timeoutMs: 20_000, description: '20 breaches' },
    );
    const fired = (await outboxEvents(primary.dataSource)).filter(
      (e) => e.type === 'salur.sla.warning.v1' || e.type === 'salur.sla.breached.v1',
    );
    expect(fired.every((e) => e.data.late === true)).toBe(true);
    const instants = fired.map((e) => String(e.data.reachedAt ?? e.data.breachedAt));
    expect(instants).toEqual([...instants].sort());
  });

  it('fires nothing for a clock paused or met before its deadline', async () => {
    await storePolicy(primary.dataSource, {
      stage: 'follow_up',
      duration: 'PT1S',
      calendar: '24x7',
      warnings: [0.5],
    });
    const paused = snapshot();
    const met = snapshot();
    await handle({ transition: 'routed', complaint: paused });
    await handle({ transition: 'routed', complaint: met });
    await handle({
      transition: 'info_requested',
      complaint: { ...paused, version: 3, updatedAt: paused.updatedAt },
    });
    await handle({ transition: 'responded', complaint: { ...met, version: 3 } });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const s = scheduler(primary.unitOfWork);
    await s.runOnce();
    const fired = (await outboxEvents(primary.dataSource)).filter(
      (e) => e.data.stage === 'follow_up' && /warning|breached|escalation/.test(e.type),
    );
    expect(fired).toEqual([]);
  });
});
