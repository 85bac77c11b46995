import { topicOf, isEventType } from '@salur/contracts';
import type { INestApplication } from '@nestjs/common';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { DataSource } from 'typeorm';
import { ConsumerLagPoller } from '../admin/consumer-lag-poller';
import type { MessageBroker, MessageProducer } from '../broker/message-broker';
import { EventConsumer } from '../consumer/event-consumer';
import { EventProcessor, type EventHandler } from '../consumer/event-processor';
import { withHandlerFault } from '../consumer/handler-fault';
import { DEFAULT_RETRY_POLICY } from '../consumer/retry-policy';
import type { OutboxWriter } from '../outbox/outbox-writer';
import type { MessagingMetrics } from './messaging-metrics';
import type { MessagingModuleOptions } from './messaging-options';

/**
 * A Nest microservice transport over our MessageBroker port. Controllers declare
 * `@EventPattern(EventTypes.X)` handlers taking `(@Payload() event: EventEnvelope, @Ctx() ctx:
 * HandlerContext)`; the transport subscribes the service's consumer group to the topics those
 * types live on and runs each handler through the EventProcessor (inbox, retry, dead letter).
 */
export class SalurEventTransport extends Server implements CustomTransportStrategy {
  override readonly propagatesEventHandlerErrors = true;
  private consumer: EventConsumer | undefined;
  private producer: MessageProducer | undefined;
  private lagPoller: ConsumerLagPoller | undefined;

  constructor(
    private readonly options: MessagingModuleOptions,
    private readonly broker: MessageBroker,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly metrics: MessagingMetrics,
  ) {
    super();
  }

  get groupId(): string {
    return this.options.groupId ?? `salur-${this.options.service}`;
  }

  isHealthy(): boolean {
    return this.consumer ? this.consumer.isHealthy() : true;
  }

  async listen(callback: (...optionalParams: unknown[]) => unknown): Promise<void> {
    try {
      const handlers = new Map<string, EventHandler>();
      for (const [pattern, handler] of this.getHandlers()) {
        if (!isEventType(pattern)) {
          throw new Error(`@EventPattern(${JSON.stringify(pattern)}) is not a Salur event type`);
        }
        const run: EventHandler = async (event, context) => {
          const result: unknown = await handler(event, context);
          if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
        };
        handlers.set(pattern, withHandlerFault(pattern, run, this.options.handlerFault));
      }
      if (handlers.size > 0) {
        const topics = [...new Set([...handlers.keys()].map((type) => topicOf(type as never)))];
        this.producer = this.broker.createProducer();
        const processor = new EventProcessor({
          groupId: this.groupId,
          schema: this.options.schema,
          dataSource: this.dataSource,
          outbox: this.outbox,
          producer: this.producer,
          logger: this.options.logger.child({ component: 'event-consumer', group: this.groupId }),
          handlers,
          retry: { ...DEFAULT_RETRY_POLICY, ...this.options.retry },
          observer: this.metrics.processorObserver(this.groupId),
        });
        this.consumer = new EventConsumer({
          broker: this.broker,
          processor,
          groupId: this.groupId,
          topics,
          partitions: this.options.partitions ?? 6,
          concurrency: this.options.consumerConcurrency,
          batchSize: this.options.consumerBatchSize,
          onRetry: (error, attempt, delayMs) => {
            this.options.logger.warn(
              { err: error, attempt, retryInMs: delayMs },
              'kafka not ready for the consumer yet; retrying',
            );
          },
        });
        await this.consumer.start();
        this.lagPoller = new ConsumerLagPoller({
          broker: this.broker,
          groupId: this.groupId,
          topics: this.consumer.topics,
          intervalMs: this.options.lagPollIntervalMs ?? 15_000,
          record: (group, partitions) => {
            this.metrics.recordConsumerLag(group, partitions);
          },
          logger: this.options.logger.child({ component: 'consumer-lag', group: this.groupId }),
        });
        this.lagPoller.start();
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Lets the events in hand finish, commits their offsets and leaves the group. */
  async close(): Promise<void> {
    await this.lagPoller?.stop();
    this.lagPoller = undefined;
    const consumer = this.consumer;
    this.consumer = undefined;
    if (consumer) await consumer.stop();
    if (this.producer) await this.producer.disconnect();
    this.producer = undefined;
  }

  on(): never {
    throw new Error('SalurEventTransport emits no transport events');
  }

  // The signature is Server's; callers name the client type they expect.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  unwrap<T>(): T {
    return this.broker as T;
  }
}

/**
 * Connects the service's event handlers to Kafka: call in `bootstrapService`'s `configure`, before
 * the HTTP listener opens, so the service is consuming when it reports ready.
 */
export async function startEventTransport(app: INestApplication): Promise<void> {
  app.connectMicroservice({ strategy: app.get(SalurEventTransport) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}
