import 'reflect-metadata';
import { EventTypes, sampleEvent } from '@salur/contracts';
import { createDatabase, dropDatabase } from '@salur/infra';
import { OutboxWriter, UnitOfWork } from '@salur/messaging';
import { AesSecretBox, loadConfig, runMigrations, serviceDataSourceOptions } from '@salur/platform';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { NotificationEnv } from '../config/notification.env';
import { notificationDatabase } from '../database/data-source';
import { ManageSubscriptions } from '../deliveries/application/subscriptions/manage-subscriptions.use-case';
import { createDeliveryWorker } from '../deliveries/deliveries.module';
import { newDelivery, type Delivery } from '../deliveries/domain/delivery';
import { NOTIFICATION_SEALING_PURPOSE } from '../deliveries/persistence/aes-secret-box';
import { PostgresDeliveryStore } from '../deliveries/persistence/postgres-delivery-store';
import { PostgresSubscriptionStore } from '../deliveries/persistence/postgres-subscription-store';

/**
 * Webhook deliveries per second of one worker, with one of ten endpoints dead (it accepts the
 * connection and never answers, the worst kind). Not a test: it prints a measurement.
 *
 *   npm run build
 *   BENCH_ADMIN_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node dist/apps/notification/src/bench/webhook-throughput.bench.js [deliveries] [dead: hang|refuse]
 *
 * It creates and drops its own database; Kafka is not needed (delivered/failed events stay in the
 * outbox, as they would until the relay publishes them). Receivers listen on 127.0.0.1 only.
 */
async function main(): Promise<void> {
  const adminUrl = process.env.BENCH_ADMIN_DATABASE_URL;
  if (!adminUrl) throw new Error('set BENCH_ADMIN_DATABASE_URL to a Postgres admin URL');
  const total = Number(process.argv[2] ?? 5_000);
  const deadMode = process.argv[3] === 'refuse' ? 'refuse' : 'hang';
  const name = `salur_bench_${Date.now().toString(36)}`;
  const url = await createDatabase(adminUrl, name);
  const servers: Server[] = [];
  let dataSource: DataSource | undefined;
  try {
    await runMigrations(notificationDatabase(url));
    dataSource = new DataSource(
      serviceDataSourceOptions({ ...notificationDatabase(url), poolSize: 20 }),
    );
    await dataSource.initialize();
    const box = new AesSecretBox(
      'benchmark-sealing-key-at-least-32-characters',
      NOTIFICATION_SEALING_PURPOSE,
    );
    const config = loadConfig(NotificationEnv, {
      NODE_ENV: 'test',
      DATABASE_URL: url,
      KAFKA_BROKERS: '127.0.0.1:9',
      AUTH_JWT_SECRET: 'benchmark-only-secret-at-least-thirty-two-chars',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOK_TIMEOUT_MS: process.env.WEBHOOK_TIMEOUT_MS ?? '2000',
      DELIVERY_CONCURRENCY: process.env.DELIVERY_CONCURRENCY ?? '64',
      DELIVERY_ENDPOINT_CONCURRENCY: process.env.DELIVERY_ENDPOINT_CONCURRENCY ?? '8',
      DELIVERY_POLL_INTERVAL_MS: '50',
      CIRCUIT_BREAKER_FAILURES: '5',
      CIRCUIT_BREAKER_HALF_OPEN_MS: '5000',
    });

    let received = 0;
    const ports: number[] = [];
    for (let i = 0; i < 10; i++) {
      const dead = i === 0;
      const server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          if (dead) return; // never answers
          received += 1;
          res.statusCode = 204;
          res.end();
        });
      });
      await new Promise<void>((resolve) => {
        server.listen(0, '127.0.0.1', resolve);
      });
      ports.push((server.address() as AddressInfo).port);
      if (dead && deadMode === 'refuse') {
        await new Promise<void>((resolve) => {
          server.close(() => {
            resolve();
          });
        });
      } else {
        servers.push(server);
      }
    }

    const subscriptions = new ManageSubscriptions(
      new PostgresSubscriptionStore(dataSource.manager, box),
      { now: () => new Date() },
      { allowedHosts: ['127.0.0.1'], rotationOverlapMs: 0 },
    );
    const endpoints = [];
    for (const [i, port] of ports.entries()) {
      endpoints.push(
        await subscriptions.create({
          agency: `pemda-64.7${i}`,
          url: `http://127.0.0.1:${port}/hook`,
          eventTypes: [],
        }),
      );
    }

    const store = new PostgresDeliveryStore(dataSource.manager);
    const at = new Date();
    const routed = sampleEvent(EventTypes.ComplaintRouted);
    const batch: Delivery[] = [];
    for (let n = 0; n < total; n++) {
      const subscription = endpoints[n % endpoints.length];
      batch.push(
        newDelivery({
          deliveryId: randomUUID(),
          sourceEventId: randomUUID(),
          eventType: routed.type,
          complaintId: randomUUID(),
          recipientKind: 'agency',
          recipient: subscription.agency,
          channel: 'webhook',
          targetKey: subscription.subscriptionId,
          endpoint: `webhook:${subscription.subscriptionId}`,
          payload: { kind: 'webhook', event: { ...routed, id: randomUUID() } },
          at,
        }),
      );
      if (batch.length === 500) await store.recordAll(batch.splice(0));
    }
    await store.recordAll(batch);
    const live = total - Math.ceil(total / 10);

    const unitOfWork = new UnitOfWork(
      dataSource,
      new OutboxWriter({ schema: 'notification', source: '/salur/notification' }),
    );
    const worker = createDeliveryWorker(dataSource, unitOfWork, box, config);
    const started = process.hrtime.bigint();
    worker.start();
    for (;;) {
      const rows: { n: string }[] = await dataSource.query(
        `SELECT count(*) AS n FROM notification.deliveries WHERE status = 'delivered'`,
      );
      if (Number(rows[0]?.n ?? 0) >= live) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await worker.stop();
    console.log(
      JSON.stringify({
        deliveries: live,
        deadEndpoint: deadMode,
        seconds: Number(seconds.toFixed(2)),
        deliveriesPerSecond: Math.round(live / seconds),
        receivedByLiveEndpoints: received,
        concurrency: config.DELIVERY_CONCURRENCY,
        perEndpointConcurrency: config.DELIVERY_ENDPOINT_CONCURRENCY,
      }),
    );
  } finally {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
    await dataSource?.destroy();
    await dropDatabase(adminUrl, name);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
