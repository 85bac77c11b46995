import { deadLetterTopic, retryTopic } from '@salur/contracts';
import type { MessageBroker, Subscription } from '../broker/message-broker';
import { withBackoff } from '../retry';
import type { EventProcessor } from './event-processor';

export interface EventConsumerOptions {
  readonly broker: MessageBroker;
  readonly processor: EventProcessor;
  readonly groupId: string;
  /** The topics whose events the group handles; their retry and dead-letter topics are derived. */
  readonly topics: readonly string[];
  readonly partitions: number;
  readonly concurrency?: number;
  /**
   * Most events of one partition handled in one transaction; 1 handles every event in its own.
   * Default 50.
   */
  readonly batchSize?: number;
  readonly onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** A consumer group reading its topics and its own retry topics through an EventProcessor. */
export class EventConsumer {
  private subscription: Subscription | undefined;

  constructor(private readonly options: EventConsumerOptions) {}

  get topics(): string[] {
    return this.options.topics.flatMap((t) => [t, retryTopic(t, this.options.groupId)]);
  }

  /**
   * Creates the group's topics and joins it. A broker that is briefly unreachable at start is
   * waited for (about a minute) rather than failing the service's start outright.
   */
  async start(): Promise<void> {
    await withBackoff(() => this.subscribe(), {
      attempts: 8,
      initialDelayMs: 500,
      maxDelayMs: 15_000,
      onRetry: (error, attempt, delayMs) => this.options.onRetry?.(error, attempt, delayMs),
    });
  }

  private async subscribe(): Promise<void> {
    const { broker, groupId, partitions } = this.options;
    await broker.ensureTopics(
      this.options.topics.flatMap((t) => [
        { topic: t, partitions },
        { topic: retryTopic(t, groupId), partitions },
        { topic: deadLetterTopic(t, groupId), partitions },
      ]),
    );
    this.subscription = await broker.subscribe({
      groupId,
      topics: this.topics,
      concurrency: this.options.concurrency,
      handle: (message, controls) => this.options.processor.process(message, controls),
      ...(this.options.batchSize === 1
        ? {}
        : {
            handleBatch: (messages, controls) =>
              this.options.processor.processBatch(messages, controls),
            maxBatchSize: this.options.batchSize,
          }),
    });
  }

  isHealthy(): boolean {
    return this.subscription?.isHealthy() ?? false;
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    if (subscription) await subscription.stop();
  }
}
