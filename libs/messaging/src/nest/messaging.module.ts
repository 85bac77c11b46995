import {
  Inject,
  Injectable,
  Module,
  Optional,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { TopicName } from '@salur/contracts';
import {
  createStandaloneLogger,
  ReadinessRegistry,
  ServiceLifecycle,
  type BaseServiceEnv,
} from '@salur/platform';
import { DataSource } from 'typeorm';
import { KafkaJsBroker } from '../broker/kafkajs/kafkajs-broker';
import type { MessageBroker } from '../broker/message-broker';
import { handlerFaultFromEnv } from '../consumer/handler-fault';
import { InboxJanitor } from '../inbox/inbox-janitor';
import { OutboxRelay } from '../outbox/outbox-relay';
import { OutboxWriter } from '../outbox/outbox-writer';
import { withBackoff } from '../retry';
import { quoteIdent } from '../sql';
import { UnitOfWork } from '../unit-of-work';
import { MessagingMetrics } from './messaging-metrics';
import {
  MESSAGE_BROKER,
  MESSAGING_OPTIONS,
  type MessagingModuleOptions,
} from './messaging-options';
import { SalurEventTransport } from './salur-event-transport';

/** Time kept, after the last outbox flush, for disconnecting from Kafka and Postgres. */
const DISCONNECT_RESERVE_MS = 1_000;

/**
 * Starts the relay once the application is up. On shutdown (after HTTP has drained) it stops the
 * consumers first (`beforeApplicationShutdown`), so the events in hand finish and their offsets
 * are committed; then, once every other module has stopped its workers too
 * (`onApplicationShutdown`), it publishes what the outbox still holds and disconnects from Kafka.
 */
@Injectable()
export class MessagingLifecycle
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private stopping = false;
  private janitorTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(MESSAGE_BROKER) private readonly broker: MessageBroker,
    private readonly relay: OutboxRelay,
    private readonly transport: SalurEventTransport,
    private readonly janitor: InboxJanitor,
    @Optional() private readonly readiness?: ReadinessRegistry,
    @Optional() private readonly lifecycle?: ServiceLifecycle,
  ) {}

  onModuleInit(): void {
    if (this.options.readinessRequiresKafka === false) return;
    this.readiness?.register({ name: 'kafka', check: () => this.broker.ping() });
    this.readiness?.register({
      name: 'kafka-consumer',
      check: () =>
        this.transport.isHealthy()
          ? Promise.resolve()
          : Promise.reject(new Error('the consumer group has not joined or has crashed')),
    });
  }

  /**
   * The relay starts once the topics this service produces to exist. That happens in the
   * background, retried for as long as the service runs: a service that only produces (intake)
   * starts and accepts work into its outbox while Kafka is still unreachable.
   */
  onApplicationBootstrap(): void {
    this.janitorTimer = setInterval(() => {
      this.janitor.purge().catch((error: unknown) => {
        this.options.logger.warn({ err: error }, 'inbox retention purge failed');
      });
    }, 3_600_000);
    this.janitorTimer.unref();
    const partitions = this.options.partitions ?? 6;
    void withBackoff(
      () => this.broker.ensureTopics(this.options.produces.map((topic) => ({ topic, partitions }))),
      {
        attempts: Infinity,
        initialDelayMs: 500,
        maxDelayMs: 15_000,
        shouldStop: () => this.stopping,
        onRetry: (error, attempt, delayMs) => {
          this.options.logger.warn(
            { err: error, attempt, retryInMs: delayMs },
            'cannot create topics yet; the outbox keeps events until Kafka answers',
          );
        },
      },
    ).then(
      () => {
        if (!this.stopping) this.relay.start();
      },
      (error: unknown) => {
        if (!this.stopping) this.options.logger.error({ err: error }, 'gave up creating topics');
      },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.janitorTimer);
    await this.transport.close();
  }

  /**
   * The last flush gets `shutdownFlushMs`, or less when the shutdown deadline is nearer: what it
   * cannot publish stays in the outbox for the next relay (another replica, or this service's
   * next start), so nothing is lost, only later.
   */
  async onApplicationShutdown(): Promise<void> {
    const left = (this.lifecycle?.remainingShutdownMs() ?? Infinity) - DISCONNECT_RESERVE_MS;
    const flushMs = Math.max(0, Math.min(this.options.shutdownFlushMs ?? 5_000, left));
    await this.relay.stop(flushMs);
    await this.broker.close();
  }
}

@Module({})
export class MessagingModule {
  /**
   * The usual wiring of a Salur service from its validated configuration: schema and CloudEvents
   * source named after the service, brokers, topic prefix and client id from the environment,
   * logs through the platform (traces are OpenTelemetry's: producer and consumer spans).
   */
  static forService(
    config: BaseServiceEnv,
    service: {
      readonly name: string;
      readonly produces: readonly TopicName[];
      readonly readinessRequiresKafka?: boolean;
    },
  ): DynamicModule {
    return MessagingModule.forRoot({
      service: service.name,
      schema: service.name,
      source: `/salur/${service.name}`,
      brokers: config.KAFKA_BROKERS,
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
      ...(config.KAFKA_CLIENT_ID !== undefined ? { clientId: config.KAFKA_CLIENT_ID } : {}),
      databaseUrl: config.DATABASE_URL,
      lagPollIntervalMs: config.KAFKA_LAG_POLL_INTERVAL_MS,
      consumerBatchSize: config.CONSUMER_BATCH_SIZE,
      produces: service.produces,
      ...(service.readinessRequiresKafka !== undefined
        ? { readinessRequiresKafka: service.readinessRequiresKafka }
        : {}),
      logger: createStandaloneLogger(service.name, config.LOG_LEVEL),
      handlerFault: handlerFaultFromEnv(process.env, config.NODE_ENV),
    });
  }

  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: MessagingMetrics,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => {
            const metrics = new MessagingMetrics();
            const outbox = `${quoteIdent(options.schema)}.outbox`;
            metrics.watchOutboxBacklog(options.schema, async () => {
              const rows: { n: number }[] = await dataSource.query(
                `SELECT count(*)::int AS n FROM ${outbox}`,
              );
              return rows[0]?.n ?? 0;
            });
            return metrics;
          },
        },
        {
          provide: MESSAGE_BROKER,
          useFactory: () =>
            new KafkaJsBroker({
              brokers: options.brokers,
              clientId: options.clientId ?? `salur-${options.service}`,
              topicPrefix: options.topicPrefix,
              logger: options.logger.child({ component: 'kafka' }),
            }),
        },
        {
          provide: OutboxWriter,
          useFactory: () =>
            new OutboxWriter({
              schema: options.schema,
              source: options.source,
            }),
        },
        {
          provide: UnitOfWork,
          inject: [DataSource, OutboxWriter],
          useFactory: (dataSource: DataSource, outbox: OutboxWriter) =>
            new UnitOfWork(dataSource, outbox),
        },
        {
          provide: OutboxRelay,
          inject: [MESSAGE_BROKER, MessagingMetrics],
          useFactory: (broker: MessageBroker, metrics: MessagingMetrics) =>
            new OutboxRelay({
              schema: options.schema,
              databaseUrl: options.databaseUrl,
              producer: broker.createProducer(),
              logger: options.logger.child({ component: 'outbox-relay' }),
              batchSize: options.relay?.batchSize,
              pollIntervalMs: options.relay?.pollIntervalMs,
              observer: metrics.relayObserver(options.schema),
            }),
        },
        {
          provide: SalurEventTransport,
          inject: [MESSAGE_BROKER, DataSource, OutboxWriter, MessagingMetrics],
          useFactory: (
            broker: MessageBroker,
            dataSource: DataSource,
            outbox: OutboxWriter,
            metrics: MessagingMetrics,
          ) => new SalurEventTransport(options, broker, dataSource, outbox, metrics),
        },
        {
          provide: InboxJanitor,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new InboxJanitor(dataSource, options.schema, options.inboxRetentionDays ?? 14),
        },
        MessagingLifecycle,
      ],
      exports: [
        MESSAGE_BROKER,
        OutboxWriter,
        UnitOfWork,
        OutboxRelay,
        SalurEventTransport,
        MessagingMetrics,
      ],
    };
  }
}
