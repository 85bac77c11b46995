import { Module } from '@nestjs/common';
import { AgencyDirectory } from '@salur/directory';
import { UnitOfWork } from '@salur/messaging';
import {
  AesSecretBox,
  createStandaloneLogger,
  ProblemMapping,
  SERVICE_CONFIG,
} from '@salur/platform';
import { DataSource } from 'typeorm';
import { sealingSecret, type NotificationEnv } from '../config/notification.env';
import { DeliveryWorker } from './application/deliver/delivery-worker';
import { ListDeliveries } from './application/list-deliveries/list-deliveries.use-case';
import { RecordEventDeliveries } from './application/record-deliveries/record-event-deliveries.use-case';
import { RedriveDelivery } from './application/redrive-delivery/redrive-delivery.use-case';
import { ManageSubscriptions } from './application/subscriptions/manage-subscriptions.use-case';
import { ChannelSender } from './channels/channel-sender';
import { EndpointBreakers } from './channels/endpoint-breakers';
import { PagerSender } from './channels/pager-sender';
import { ReporterSender } from './channels/reporter-sender';
import { WebhookSender } from './channels/webhook-sender';
import { NOTIFICATION_PROBLEMS } from './domain/notification-errors';
import { DeliveriesController } from './http/deliveries.controller';
import { SubscriptionsController } from './http/subscriptions.controller';
import { ComplaintEventsHandler } from './messaging/complaint-events.handler';
import {
  NOTIFICATION_SEALING_PURPOSE,
  SECRET_BOX,
  type SecretBox,
} from './persistence/aes-secret-box';
import {
  PostgresDeliveryOutcomes,
  PostgresDeliveryQueue,
} from './persistence/postgres-delivery-queue';
import { PostgresDeliveryStore } from './persistence/postgres-delivery-store';
import { PostgresReporterRecords } from './persistence/postgres-reporter-records';
import { PostgresSubscriptionStore } from './persistence/postgres-subscription-store';
import {
  DELIVERY_WORKER,
  DeliveryWorkerLifecycle,
  deliveryOutcomes,
  WORKER_SETTINGS,
} from './worker/delivery-worker.lifecycle';

ProblemMapping.register(NOTIFICATION_PROBLEMS);

const systemClock = { now: () => new Date() };

@Module({
  controllers: [DeliveriesController, SubscriptionsController, ComplaintEventsHandler],
  providers: [
    {
      provide: SECRET_BOX,
      inject: [SERVICE_CONFIG],
      useFactory: (config: NotificationEnv) =>
        new AesSecretBox(sealingSecret(config), NOTIFICATION_SEALING_PURPOSE),
    },
    {
      provide: RecordEventDeliveries,
      inject: [SERVICE_CONFIG],
      useFactory: (config: NotificationEnv) =>
        new RecordEventDeliveries(systemClock, {
          reporterChannels: [
            ...(config.SMTP_URL ? (['email'] as const) : []),
            ...(config.SMS_GATEWAY_URL ? (['sms'] as const) : []),
          ],
          pageTargets: [
            ...(config.PAGERDUTY_ROUTING_KEY ? (['pagerduty'] as const) : []),
            ...(config.ONCALL_WEBHOOK_URL ? (['oncall-webhook'] as const) : []),
          ],
          pageWarnings: config.ONCALL_PAGE_WARNINGS,
        }),
    },
    {
      provide: ListDeliveries,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) =>
        new ListDeliveries(new PostgresDeliveryStore(dataSource.manager)),
    },
    {
      provide: ManageSubscriptions,
      inject: [DataSource, SECRET_BOX, SERVICE_CONFIG],
      useFactory: (dataSource: DataSource, box: SecretBox, config: NotificationEnv) =>
        new ManageSubscriptions(
          new PostgresSubscriptionStore(dataSource.manager, box),
          systemClock,
          {
            allowedHosts: config.WEBHOOK_ALLOWED_HOSTS,
            rotationOverlapMs: config.WEBHOOK_SECRET_ROTATION_HOURS * 3_600_000,
          },
        ),
    },
    {
      provide: DELIVERY_WORKER,
      inject: [DataSource, UnitOfWork, SECRET_BOX, SERVICE_CONFIG],
      useFactory: (
        dataSource: DataSource,
        unitOfWork: UnitOfWork,
        box: SecretBox,
        config: NotificationEnv,
      ) => createDeliveryWorker(dataSource, unitOfWork, box, config),
    },
    {
      provide: WORKER_SETTINGS,
      inject: [SERVICE_CONFIG],
      useFactory: (config: NotificationEnv) => ({ enabled: config.DELIVERY_WORKER_ENABLED }),
    },
    DeliveryWorkerLifecycle,
    {
      provide: RedriveDelivery,
      inject: [DataSource, DeliveryWorkerLifecycle],
      useFactory: (dataSource: DataSource, worker: DeliveryWorkerLifecycle) =>
        new RedriveDelivery(new PostgresDeliveryStore(dataSource.manager), systemClock, () => {
          worker.wake();
        }),
    },
  ],
})
export class DeliveriesModule {}

/** The worker with its Postgres queue and the channel adapters the configuration enables. */
export function createDeliveryWorker(
  dataSource: DataSource,
  unitOfWork: UnitOfWork,
  box: SecretBox,
  config: NotificationEnv,
): DeliveryWorker {
  const directory = AgencyDirectory.standard();
  const reporters = new PostgresReporterRecords(dataSource.manager, box);
  const sender = new ChannelSender(
    new WebhookSender(
      new PostgresSubscriptionStore(dataSource.manager, box),
      reporters,
      systemClock,
      {
        allowedHosts: config.WEBHOOK_ALLOWED_HOSTS,
        timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      },
    ),
    new ReporterSender(
      reporters,
      (code) => directory.get(code)?.name ?? code,
      config.SMTP_URL
        ? { smtpUrl: config.SMTP_URL, from: config.SMTP_FROM, timeoutMs: config.WEBHOOK_TIMEOUT_MS }
        : null,
      config.SMS_GATEWAY_URL
        ? {
            url: config.SMS_GATEWAY_URL,
            token: config.SMS_GATEWAY_TOKEN ?? null,
            sender: config.SMS_SENDER,
            timeoutMs: config.WEBHOOK_TIMEOUT_MS,
          }
        : null,
    ),
    new PagerSender({
      pagerDuty: config.PAGERDUTY_ROUTING_KEY
        ? { url: config.PAGERDUTY_EVENTS_URL, routingKey: config.PAGERDUTY_ROUTING_KEY }
        : null,
      webhookUrl: config.ONCALL_WEBHOOK_URL ?? null,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    }),
  );
  const logger = createStandaloneLogger('notification').child({ component: 'delivery-worker' });
  return new DeliveryWorker(
    new PostgresDeliveryQueue(dataSource),
    sender,
    new PostgresDeliveryOutcomes(unitOfWork, dataSource),
    new EndpointBreakers(config.CIRCUIT_BREAKER_FAILURES, config.CIRCUIT_BREAKER_HALF_OPEN_MS),
    systemClock,
    {
      retry: {
        maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
        baseDelayMs: config.DELIVERY_BACKOFF_BASE_MS,
        maxDelayMs: config.DELIVERY_BACKOFF_MAX_MS,
      },
      concurrency: config.DELIVERY_CONCURRENCY,
      perEndpointConcurrency: config.DELIVERY_ENDPOINT_CONCURRENCY,
      leaseMs: 2 * config.WEBHOOK_TIMEOUT_MS + 5_000,
      pollIntervalMs: config.DELIVERY_POLL_INTERVAL_MS,
    },
    {
      onOutcome: (delivery, outcome) => {
        deliveryOutcomes.inc({ channel: delivery.channel, outcome });
        if (outcome === 'failed') {
          logger.warn(
            {
              deliveryId: delivery.deliveryId,
              channel: delivery.channel,
              attempts: delivery.attempts,
            },
            'delivery failed after its last try',
          );
        }
      },
      onError: (error) => {
        logger.error({ err: error }, 'delivery worker round failed');
      },
    },
  );
}
