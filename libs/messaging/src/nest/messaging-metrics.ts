import { counter, gauge, histogram } from '@salur/platform';
import type { Counter, Gauge, Histogram } from 'prom-client';
import type { PartitionLag } from '../broker/message-broker';
import type { EventProcessorObserver } from '../consumer/event-processor';
import type { OutboxRelayObserver } from '../outbox/outbox-relay';

/**
 * Counts of events waiting in each outbox, read when `/metrics` is scraped. Kept per process (not
 * per MessagingMetrics) because the gauge is one per process, created by the first instance.
 */
const backlogSources = new Map<string, () => Promise<number>>();

/**
 * Prometheus metrics of the outbox relay, the event consumers and their consumer groups, on the
 * process registry that `GET /metrics` serves (the platform's, shared by get-or-create).
 */
export class MessagingMetrics {
  private readonly backlog: Gauge<'schema'>;
  private readonly published: Counter<'schema'>;
  private readonly publishFailures: Counter<'schema'>;
  private readonly publishLatency: Histogram<'schema'>;
  private readonly processed: Counter<'group' | 'type' | 'outcome'>;
  private readonly handlerDuration: Histogram<'group' | 'type'>;
  private readonly deadLetters: Counter<'topic'>;
  private readonly lag: Gauge<'group' | 'topic'>;
  private readonly partitionLag: Gauge<'group' | 'topic' | 'partition'>;

  constructor() {
    this.backlog = gauge({
      name: 'salur_outbox_backlog',
      help: 'Events waiting in the outbox',
      labelNames: ['schema'],
      // Counted at each scrape, on every replica: a relay that cannot publish (Kafka down) or is
      // standing by still shows the backlog growing. A failed count keeps the last value.
      async collect() {
        await Promise.all(
          [...backlogSources].map(async ([schema, count]) => {
            try {
              this.set({ schema }, await count());
            } catch {
              // The database is unreachable for a moment; the last value stands.
            }
          }),
        );
      },
    });
    this.published = counter({
      name: 'salur_outbox_published_total',
      help: 'Events published from the outbox',
      labelNames: ['schema'],
    });
    this.publishFailures = counter({
      name: 'salur_outbox_publish_failures_total',
      help: 'Failed outbox publish attempts',
      labelNames: ['schema'],
    });
    this.publishLatency = histogram({
      name: 'salur_outbox_publish_latency_seconds',
      help: 'Time from an event written to the outbox to its acknowledgement by Kafka',
      labelNames: ['schema'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    });
    this.processed = counter({
      name: 'salur_events_consumed_total',
      help: 'Events consumed, by outcome (processed, duplicate, ignored, retry-scheduled, dead-lettered)',
      labelNames: ['group', 'type', 'outcome'],
    });
    this.handlerDuration = histogram({
      name: 'salur_event_handler_duration_seconds',
      help: 'Time to handle one consumed event, inbox and transaction included',
      labelNames: ['group', 'type'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    });
    this.deadLetters = counter({
      name: 'salur_dead_letters_total',
      help: 'Events this process sent to a dead-letter topic, by that topic',
      labelNames: ['topic'],
    });
    this.lag = gauge({
      name: 'salur_consumer_lag_messages',
      help: 'Messages a consumer group of this service has yet to read, summed over the partitions of the topic',
      labelNames: ['group', 'topic'],
    });
    this.partitionLag = gauge({
      name: 'salur_consumer_lag_partition_messages',
      help: 'Messages a consumer group of this service has yet to read on one partition',
      labelNames: ['group', 'topic', 'partition'],
    });
  }

  /** Makes `salur_outbox_backlog{schema}` count the schema's outbox rows at every scrape. */
  watchOutboxBacklog(schema: string, count: () => Promise<number>): void {
    backlogSources.set(schema, count);
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
      deadLettered: (topic) => {
        this.deadLetters.inc({ topic });
      },
    };
  }

  /** Records one look at a group's lag: the sum per topic and the value per partition. */
  recordConsumerLag(group: string, partitions: readonly PartitionLag[]): void {
    const perTopic = new Map<string, number>();
    for (const p of partitions) {
      perTopic.set(p.topic, (perTopic.get(p.topic) ?? 0) + p.lag);
      this.partitionLag.set({ group, topic: p.topic, partition: String(p.partition) }, p.lag);
    }
    for (const [topic, lag] of perTopic) this.lag.set({ group, topic }, lag);
  }
}
