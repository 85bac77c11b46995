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
    // Both schedulers took part; both export the messaging metrics operators alert on.
    const scraped: string[] = [];
    for (const baseUrl of [sla.process.baseUrl, replica.baseUrl]) {
      const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
      scraped.push(metrics);
      const batches = /^salur_sla_scheduler_batch_size_count (\d+)$/m.exec(metrics);
      expect(Number(batches?.[1] ?? 0)).toBeGreaterThan(0);
      for (const [name, type] of [
        ['salur_consumer_lag_messages', 'gauge'],
        ['salur_consumer_lag_partition_messages', 'gauge'],
        ['salur_dead_letters_total', 'counter'],
        ['salur_outbox_backlog', 'gauge'],
        ['salur_outbox_publish_latency_seconds', 'histogram'],
        ['salur_events_consumed_total', 'counter'],
        ['salur_event_handler_duration_seconds', 'histogram'],
      ]) {
        expect(metrics).toContain(`# TYPE ${name} ${type}`);
      }
      // Counted at scrape time on every replica, the standby relay's included.
      expect(metrics).toMatch(/^salur_outbox_backlog\{schema="sla"\} \d+$/m);
      expect(metrics).toMatch(
        /^salur_consumer_lag_messages\{group="salur-sla",topic="salur\.complaints\.v1"\} \d+$/m,
      );
      expect(metrics).toMatch(
        /^salur_consumer_lag_partition_messages\{group="salur-sla",topic="salur\.complaints\.v1",partition="0"\} \d+$/m,
      );
    }
    // The elected relay (either replica) published and measured its latency.
    expect(scraped.join('\n')).toMatch(
      /^salur_outbox_publish_latency_seconds_count\{schema="sla"\} [1-9]\d*$/m,
    );
    expect(scraped[0]).toMatch(
      /^http_requests_total\{method="POST",route="\/v1\/sla\/policies",status="201"\} 1$/m,
    );
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
