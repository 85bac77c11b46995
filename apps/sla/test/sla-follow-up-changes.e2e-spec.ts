import { EventTypes, type ComplaintSnapshot } from '@salur/contracts';
import { waitFor } from '@salur/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { snapshot } from './support/sla-fixtures';
import { SlaService } from './support/sla-service';

/**
 * The built SLA service over real Kafka and Postgres, the test playing routing, for what moves a
 * running follow-up deadline: the reporter's reply resuming a paused clock, the information-request
 * extension (applied once however often it is delivered), and a holiday edited through the admin
 * API recomputing the open clocks of the agencies that observe it.
 *
 * Instants are in September 2029 (no holiday in Kalimantan Timur that month, and far enough ahead
 * that nothing fires while the test runs). Balikpapan (pemda-64.71) works Monday–Friday
 * 08:00–16:00 WITA (UTC+8).
 */
describe('sla service: follow-up deadlines that move', () => {
  let sla: SlaService;
  let db: Client;

  beforeAll(async () => {
    sla = await SlaService.start({ SLA_SCHEDULER_POLL_MS: '100' });
    db = new Client({ connectionString: sla.db.url });
    await db.connect();
  });

  afterAll(async () => {
    await db.end().catch(() => undefined);
    await sla.stop();
  });

  /** Monday 3 September 2029, 09:00 WITA. */
  const routedAt = '2029-09-03T01:00:00.000Z';

  function routedSnapshot(changes: Partial<ComplaintSnapshot> = {}): ComplaintSnapshot {
    return snapshot({
      submittedAt: '2029-09-03T00:30:00.000Z',
      verifiedAt: '2029-09-03T00:59:00.000Z',
      updatedAt: routedAt,
      version: 3,
      ...changes,
    });
  }

  async function followUpClock(complaintId: string) {
    const { rows } = await db.query<{
      clock_id: string;
      status: string;
      due_at: Date;
      budget_ms: string;
      extended_at: Date | null;
    }>(
      `SELECT clock_id, status, due_at, budget_ms, extended_at FROM sla.clocks
       WHERE complaint_id = $1 AND stage = 'follow_up'`,
      [complaintId],
    );
    return rows;
  }

  async function pendingDeadlines(clockId: string) {
    const { rows } = await db.query<{ threshold: number; fire_at: Date }>(
      `SELECT threshold, fire_at FROM sla.deadlines WHERE clock_id = $1 AND fired_at IS NULL
       ORDER BY threshold`,
      [clockId],
    );
    return rows.map((r) => [r.threshold, r.fire_at.toISOString()]);
  }

  async function started(complaintId: string) {
    await waitFor(async () => (await followUpClock(complaintId)).length === 1, {
      timeoutMs: 60_000,
      description: 'the follow-up clock to start',
    });
    return (await followUpClock(complaintId))[0];
  }

  it('resumes a paused follow-up clock on info-received, its deadline later by the working time paused', async () => {
    const routed = routedSnapshot();
    await sla.routed(routed);
    const clock = await started(routed.complaintId);
    // 47 working hours from Monday 09:00: Monday 10 September 16:00 WITA.
    expect(clock.due_at.toISOString()).toBe('2029-09-10T08:00:00.000Z');

    // Asked on Tuesday 10:00 WITA (9 working hours used), answered on Thursday 11:00 WITA.
    const asked = { ...routed, status: 'in_progress' as const, version: 4 };
    await sla.publish(
      EventTypes.ComplaintInfoRequested,
      { ...asked, updatedAt: '2029-09-04T02:00:00.000Z' },
      {
        question: 'Di ruas mana tepatnya?',
        by: { role: 'agency_operator', id: 'op-1', agency: 'pemda-64.71' },
      },
    );
    await waitFor(async () => (await followUpClock(routed.complaintId))[0].status === 'paused', {
      timeoutMs: 30_000,
      description: 'the clock to pause',
    });
    expect(await pendingDeadlines(clock.clock_id)).toEqual([]);

    const repliedAt = '2029-09-06T03:00:00.000Z';
    const received = await sla.publish(
      EventTypes.ComplaintInfoReceived,
      { ...asked, updatedAt: repliedAt, version: 5 },
      { repliedAt },
    );
    await sla.send(received);
    await waitFor(
      () =>
        sla
          .slaEvents(routed.complaintId, 'follow_up')
          .some((e) => e.type === EventTypes.SlaResumed),
      { timeoutMs: 30_000, description: 'salur.sla.resumed.v1' },
    );
    // Paused Tuesday 10:00 → Thursday 11:00 WITA: 6 + 8 + 3 = 17 working hours, so the deadline
    // moves from Monday 10 September 16:00 to Thursday 13 September 09:00 WITA.
    const [resumed] = await followUpClock(routed.complaintId);
    expect(resumed).toMatchObject({ status: 'running' });
    expect(resumed.due_at.toISOString()).toBe('2029-09-13T01:00:00.000Z');
    expect((await pendingDeadlines(clock.clock_id)).at(-1)).toEqual([
      1,
      '2029-09-13T01:00:00.000Z',
    ]);
    const events = sla.slaEvents(routed.complaintId, 'follow_up');
    expect(events.map((e) => e.type)).toEqual([
      EventTypes.SlaStarted,
      EventTypes.SlaPaused,
      EventTypes.SlaResumed,
    ]);
    expect(events[2].data).toMatchObject({
      resumedAt: repliedAt,
      dueAt: '2029-09-13T01:00:00.000Z',
    });
  });

  it('extends an information request follow-up clock by 7 working days once, however often the event arrives', async () => {
    const routed = routedSnapshot({ type: 'information_request' });
    await sla.routed(routed);
    const clock = await started(routed.complaintId);
    // 10 working days: Monday 17 September 16:00 WITA.
    expect(clock.due_at.toISOString()).toBe('2029-09-17T08:00:00.000Z');

    const extendedAt = '2029-09-05T01:00:00.000Z';
    const extension = {
      reason: 'Dokumen tersebar di tiga bidang',
      by: { role: 'agency_operator', id: 'op-1', agency: 'pemda-64.71' },
    };
    const granted = {
      ...routed,
      status: 'in_progress' as const,
      updatedAt: extendedAt,
      version: 4,
    };
    const first = await sla.publish(EventTypes.ComplaintExtensionGranted, granted, extension);
    // Redelivered (same ce_id), published again (same snapshot), and once more as a newer version.
    await sla.send(first);
    const again = await sla.publish(EventTypes.ComplaintExtensionGranted, granted, extension);
    const newer = await sla.publish(
      EventTypes.ComplaintExtensionGranted,
      { ...granted, version: 5 },
      extension,
    );
    await waitFor(
      async () => {
        const { rows } = await db.query(
          `SELECT 1 FROM sla.inbox WHERE event_id = ANY($1::uuid[])`,
          [[first.id, again.id, newer.id]],
        );
        return rows.length === 3;
      },
      { timeoutMs: 30_000, description: 'every extension event to be processed' },
    );
    // Monday 17 September 16:00 + 7 working days: Wednesday 26 September 16:00 WITA.
    const [extended] = await followUpClock(routed.complaintId);
    expect(extended).toMatchObject({ status: 'running', extended_at: new Date(extendedAt) });
    expect(extended.due_at.toISOString()).toBe('2029-09-26T08:00:00.000Z');
    expect(Number(extended.budget_ms)).toBe(Number(clock.budget_ms) + 7 * 8 * 3_600_000);
    const deadlines = await pendingDeadlines(clock.clock_id);
    expect(deadlines.map(([threshold]) => threshold)).toEqual([0.5, 0.8, 1]);
    expect(deadlines.at(-1)).toEqual([1, '2029-09-26T08:00:00.000Z']);
  });

  it('recomputes the open clocks of the agencies observing a holiday added through the admin API', async () => {
    const balikpapan = routedSnapshot();
    const samarinda = routedSnapshot({ agency: 'pemda-64.72', regionCode: '64.72' });
    await sla.routed(balikpapan);
    await sla.routed(samarinda);
    const clock = await started(balikpapan.complaintId);
    const other = await started(samarinda.complaintId);
    expect(clock.due_at.toISOString()).toBe('2029-09-10T08:00:00.000Z');
    // Half of 47 working hours from Monday 09:00: Thursday 08:30 WITA.
    expect((await pendingDeadlines(clock.clock_id))[0]).toEqual([0.5, '2029-09-06T00:30:00.000Z']);

    const token = await sla.token({ roles: ['admin'] });
    const added = await fetch(sla.url('/v1/sla/holidays'), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        date: '2029-09-05',
        name: `Hari libur daerah (uji ${randomUUID().slice(0, 8)})`,
        kind: 'regional_holiday',
        regionCode: '64.71',
        source: 'Keputusan Wali Kota Balikpapan (uji)',
      }),
    });
    expect(added.status).toBe(201);
    await waitFor(
      async () => {
        const { rows } = await db.query(
          `SELECT 1 FROM sla.recompute_jobs WHERE finished_at IS NULL`,
        );
        return rows.length === 0;
      },
      { timeoutMs: 30_000, description: 'the recomputation to finish' },
    );
    // Wednesday 5 September is now a holiday in Balikpapan: one working day later.
    const [moved] = await followUpClock(balikpapan.complaintId);
    expect(moved.due_at.toISOString()).toBe('2029-09-11T08:00:00.000Z');
    expect(await pendingDeadlines(clock.clock_id)).toEqual([
      [0.5, '2029-09-07T00:30:00.000Z'],
      [0.8, expect.any(String)],
      [1, '2029-09-11T08:00:00.000Z'],
    ]);
    // Samarinda does not observe it.
    expect((await followUpClock(samarinda.complaintId))[0].due_at).toEqual(other.due_at);
    const audit = await fetch(sla.url('/v1/sla/audit'), {
      headers: { authorization: `Bearer ${token}` },
    });
    const trail = (await audit.json()) as {
      action: string;
      subject: string;
      details: { recomputed: number };
    }[];
    expect(trail.find((a) => a.action === 'clocks.recomputed')).toMatchObject({
      subject: 'holiday.added 2029-09-05 64.71',
      details: { recomputed: expect.any(Number) },
    });
  });

  it('starts the agency follow-up clock once when its routed event arrives after a newer one (a retry)', async () => {
    const routed = routedSnapshot();
    // Acknowledged (version 4) overtakes routed (version 3), as when routed went through a retry topic.
    const acknowledgedAt = '2029-09-03T02:00:00.000Z';
    await sla.publish(
      EventTypes.ComplaintAcknowledged,
      { ...routed, status: 'in_progress', updatedAt: acknowledgedAt, version: 4 },
      { by: { role: 'agency_operator', id: 'op-1', agency: 'pemda-64.71' } },
    );
    const clock = await started(routed.complaintId);
    expect(clock.status).toBe('running');
    // Started at the acknowledgement (Monday 10:00 WITA), not at routing (09:00): due later than
    // the routed start would have given (Monday 10 September 16:00 WITA) — late by the time it was
    // overtaken, never missing.
    expect(clock.due_at.getTime()).toBeGreaterThan(Date.parse('2029-09-10T08:00:00.000Z'));
    await sla.routed(routed);
    await waitFor(
      async () =>
        (
          await db.query<{ version: number }>(
            `SELECT version FROM sla.complaints WHERE complaint_id = $1`,
            [routed.complaintId],
          )
        ).rows[0]?.version === 4,
      { timeoutMs: 30_000, description: 'the complaint at version 4' },
    );
    // The late routed event is older than what the clocks hold: still one follow-up clock.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await followUpClock(routed.complaintId)).toHaveLength(1);
    expect(sla.slaEvents(routed.complaintId, 'follow_up').map((e) => e.type)).toEqual([
      EventTypes.SlaStarted,
    ]);
  });
});
