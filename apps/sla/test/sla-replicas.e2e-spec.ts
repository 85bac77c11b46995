import { EventTypes } from '@salur/contracts';
import { waitFor, type ServiceProcess } from '@salur/testing';
import { snapshot } from './support/sla-fixtures';
import { SlaService } from './support/sla-service';

/**
 * Two replicas of the SLA service share one database and consumer group: every deadline of many
 * clocks reaches `salur.sla.v1` exactly once, whichever replica's scheduler claimed it.
 */
describe('sla service, two replicas', () => {
  let sla: SlaService;
  let replica: ServiceProcess;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    sla = await SlaService.start({ SLA_SCHEDULER_POLL_MS: '50', SLA_SCHEDULER_BATCH_SIZE: '5' });
    cleanups.push(() => sla.stop());
    replica = await sla.addReplica();
  });

  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('fires each warning, breach and escalation request once', async () => {
    const admin = await sla.token({ roles: ['admin'] });
    const policy = await fetch(sla.url('/v1/sla/policies'), {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        stage: 'follow_up',
        duration: 'PT4S',
        calendar: '24x7',
        warnings: [0.25, 0.5, 0.75],
      }),
    });
    expect(policy.status).toBe(201);
    const complaints = Array.from({ length: 40 }, () => snapshot());
    for (const complaint of complaints) await sla.routed(complaint);

    const deadlineTypes: string[] = [
      EventTypes.SlaWarning,
      EventTypes.SlaBreached,
      EventTypes.SlaEscalationRequested,
    ];
    const fired = () =>
      complaints.flatMap((c) =>
        sla.slaEvents(c.complaintId).filter((e) => deadlineTypes.includes(e.type)),
      );
    const expected = complaints.length * 5; // three warnings, a breach, an escalation request
    await waitFor(() => new Set(fired().map((e) => e.id)).size >= expected, {
      timeoutMs: 60_000,
      description: `${expected} deadline events`,
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // The relay is at least once (a retried batch may repeat an event id); consumers dedupe on
    // ce_id. What must never happen is a second event for the same clock and threshold.
    const unique = new Map(fired().map((e) => [e.id, e]));
    const keys = [...unique.values()].map(
      (e) => `${String(e.data.clockId)}|${e.type}|${JSON.stringify(e.data.threshold ?? null)}`,
    );
    expect(keys).toHaveLength(expected);
    expect(new Set(keys).size).toBe(expected);
    // Both schedulers took part.
    for (const baseUrl of [sla.process.baseUrl, replica.baseUrl]) {
      const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
      const batches = /^salur_sla_scheduler_batch_size_count (\d+)$/m.exec(metrics);
      expect(Number(batches?.[1] ?? 0)).toBeGreaterThan(0);
    }
    // One clock per stage: follow-up, and the submission stages started from the snapshot.
    for (const complaint of complaints) {
      const started = sla
        .slaEvents(complaint.complaintId)
        .filter((e) => e.type === EventTypes.SlaStarted);
      expect(started.map((e) => String(e.data.stage)).sort()).toEqual([
        'follow_up',
        'resolution',
        'verification',
      ]);
    }
  });
});
