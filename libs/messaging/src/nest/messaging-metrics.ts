import { Counter, Gauge, Histogram, register, type Registry } from 'prom-client';
import type { EventProcessorObserver } from '../consumer/event-processor';
import type { OutboxRelayObserver } from '../outbox/outbox-relay';

function metric<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

/** Prometheus metrics of the outbox relay and the event consumers, on the process registry. */
export class MessagingMetrics {
  private readonly backlog: Gauge<'schema'>;
  private readonly published: Counter<'schema'>;
  private readonly publishFailures: Counter<'schema'>;
  private readonly publishLatency: Histogram<'schema'>;
  private readonly processed: Counter<'group' | 'type' | 'outcome'>;
  private readonly handlerDuration: Histogram<'group' | 'type'>;

  constructor(registry: Registry = register) {
    const registers = [registry];
    this.backlog = metric(
      registry,
      'salur_outbox_backlog',
      () =>
        new Gauge({
          name: 'salur_outbox_backlog',
          help: 'Events waiting in the outbox',
          labelNames: ['schema'],
          registers,
        }),
    );
    this.published = metric(
      registry,
      'salur_outbox_published_total',
      () =>
        new Counter({
          name: 'salur_outbox_published_total',
          help: 'Events published from the outbox',
          labelNames: ['schema'],
          registers,
        }),
    );
    this.publishFailures = metric(
      registry,
      'salur_outbox_publish_failures_total',
      () =>
        new Counter({
          name: 'salur_outbox_publish_failures_total',
          help: 'Failed outbox publish attempts',
          labelNames: ['schema'],
          registers,
        }),
    );
    this.publishLatency = metric(
      registry,
      'salur_outbox_publish_latency_seconds',
      () =>
        new Histogram({
          name: 'salur_outbox_publish_latency_seconds',
          help: 'Time from an event written to the outbox to its acknowledgement by Kafka',
          labelNames: ['schema'],
          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
          registers,
        }),
    );
    this.processed = metric(
      registry,
      'salur_events_consumed_total',
      () =>
        new Counter({
          name: 'salur_events_consumed_total',
          help: 'Events consumed, by outcome (processed, duplicate, ignored, retry-scheduled, dead-lettered)',
          labelNames: ['group', 'type', 'outcome'],
          registers,
        }),
    );
    this.handlerDuration = metric(
      registry,
      'salur_event_handler_duration_seconds',
      () =>
        new Histogram({
          name: 'salur_event_handler_duration_seconds',
          help: 'Time to handle one consumed event, inbox and transaction included',
          labelNames: ['group', 'type'],
          buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
          registers,
        }),
    );
  }

  relayObserver(schema: string): OutboxRelayObserver {
    return {
      published: (ages) => {
        this.published.inc({ schema }, ages.length);
        for (const age of ages) this.publishLatency.observe({ schema }, age / 1_000);
      },
      backlog: (rows) => {
        this.backlog.set({ schema }, rows);
      },
      failed: () => {
        this.publishFailures.inc({ schema });
      },
    };
  }

  processorObserver(group: string): EventProcessorObserver {
    return {
      outcome: (outcome, type, durationMs) => {
        this.processed.inc({ group, type, outcome });
        this.handlerDuration.observe({ group, type }, durationMs / 1_000);
      },
    };
  }
}
