import {
  EventTypes,
  sampleEvent,
  topicOf,
  type ComplaintSubmittedData,
  type EventEnvelope,
  type EventType,
} from '@salur/contracts';
import { freePort } from '@salur/infra';
import { encodeEvent, KafkaJsBroker, type MessageProducer } from '@salur/messaging';
import { createStandaloneLogger, runMigrations } from '@salur/platform';
import {
  createTestDatabase,
  ServiceProcess,
  TopicProbe,
  uniqueName,
  waitFor,
  type TestDatabase,
} from '@salur/testing';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { notificationDatabase } from '../src/database/data-source';
import { HttpReceiver, SmtpReceiver, verifyStandardWebhook } from './support/receivers';

const JWT_SECRET = 'e2e-notification-secret-at-least-thirty-two-chars';

/**
 * The built notification service as a process, over real Kafka and Postgres: events are published
 * to its topics as intake, routing and sla would, and what the receivers on 127.0.0.1 got, what
 * is on `salur.notifications.v1`, what the API answers and what the service logged are checked.
 */
describe('notification service', () => {
  let db: TestDatabase;
  let service: ServiceProcess;
  let broker: KafkaJsBroker;
  let producer: MessageProducer;
  let probe: TopicProbe;
  let smtp: SmtpReceiver;
  let city: HttpReceiver;
  let flaky: HttpReceiver;
  const prefix = `${uniqueName('e2e-notification')}.`;
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('e2e-notification');
    cleanups.push(() => db.drop());
    await runMigrations(notificationDatabase(db.url));
    smtp = await SmtpReceiver.start();
    cleanups.push(() => smtp.close());
    city = await HttpReceiver.start();
    cleanups.push(() => city.close());
    flaky = await HttpReceiver.start('fail');
    cleanups.push(() => flaky.close());
    broker = new KafkaJsBroker({
      brokers,
      clientId: 'e2e-notification-publisher',
      topicPrefix: prefix,
      logger: createStandaloneLogger('e2e-publisher'),
    });
    cleanups.push(() => broker.close());
    producer = broker.createProducer();
    cleanups.push(() => producer.disconnect());
    // The probe creates the four topics and waits for their leaders, so the service starts against
    // settled partitions (a consumer that joins while leadership moves can miss its first fetches).
    probe = await TopicProbe.start(
      brokers,
      ['salur.intake.v1', 'salur.complaints.v1', 'salur.sla.v1', 'salur.notifications.v1'].map(
        (topic) => `${prefix}${topic}`,
      ),
    );
    cleanups.push(() => probe.stop());
    service = new ServiceProcess({
      name: 'notification',
      entry: 'dist/apps/notification/src/main.js',
      port: await freePort(),
      env: {
        NODE_ENV: 'test',
        DATABASE_URL: db.url,
        KAFKA_TOPIC_PREFIX: prefix,
        AUTH_JWT_SECRET: JWT_SECRET,
        NOTIFICATION_SECRET: 'e2e-notification-sealing-key-at-least-32-chars',
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
        WEBHOOK_TIMEOUT_MS: '1000',
        SMTP_URL: smtp.url,
        DELIVERY_MAX_ATTEMPTS: '3',
        DELIVERY_BACKOFF_BASE_MS: '300',
        DELIVERY_BACKOFF_MAX_MS: '1000',
        DELIVERY_POLL_INTERVAL_MS: '100',
        LOG_LEVEL: 'debug',
      },
    });
    cleanups.push(() => service.dispose());
    await service.start();
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  function token(roles: string[], agency?: string): Promise<string> {
    return new SignJWT({ roles, ...(agency ? { agency } : {}) })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('e2e-officer')
      .setIssuer('salur')
      .setAudience('salur')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(JWT_SECRET));
  }

  async function call(method: string, path: string, bearer: string, body?: unknown) {
    return fetch(`${service.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function publish(...events: EventEnvelope[]): Promise<void> {
    await producer.send(
      events.map((event) => ({ topic: topicOf(event.type as EventType), ...encodeEvent(event) })),
    );
  }

  /** Sample events re-keyed to a fresh complaint. */
  function complaint(agency = 'pemda-64.71') {
    const id = randomUUID();
    return {
      id,
      event<T extends EventEnvelope>(e: T, privacy?: 'confidential'): T {
        const data = e.data as Record<string, unknown>;
        const snapshot = data.complaint as Record<string, unknown> | undefined;
        return {
          ...e,
          id: randomUUID(),
          subject: id,
          agency: snapshot ? agency : e.agency,
          data: {
            ...data,
            ...('complaintId' in data ? { complaintId: id } : {}),
            ...('agency' in data ? { agency } : {}),
            ...(snapshot
              ? {
                  complaint: {
                    ...snapshot,
                    complaintId: id,
                    agency,
                    ...(privacy ? { privacy, body: null } : {}),
                  },
                }
              : {}),
          },
        };
      },
    };
  }

  const reporter = {
    name: 'Bambang Sutrisno',
    email: 'bambang.sutrisno@example.test',
    phone: '+6281377778888',
  };

  it('manages subscriptions per agency and refuses private targets', async () => {
    const supervisor = await token(['agency_supervisor'], 'pemda-64.71');
    const other = await token(['agency_operator'], 'pemda-64.02');
    const refused = await call('POST', '/v1/subscriptions', supervisor, {
      agency: 'pemda-64.71',
      url: 'http://169.254.169.254/latest/meta-data',
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const notMine = await call('POST', '/v1/subscriptions', other, {
      agency: 'pemda-64.71',
      url: city.url('/x'),
    });
    expect(notMine.status).toBe(404);
    const created = await call('POST', '/v1/subscriptions', supervisor, {
      agency: 'pemda-64.71',
      url: city.url('/hooks/salur'),
      eventTypes: [EventTypes.ComplaintRouted],
    });
    expect(created.status).toBe(201);
    const subscription = (await created.json()) as { subscriptionId: string; secret: string };
    expect(subscription.secret).toMatch(/^whsec_/);
    expect(
      (await call('GET', `/v1/subscriptions/${subscription.subscriptionId}`, other)).status,
    ).toBe(404);
    const listed = (await (await call('GET', '/v1/subscriptions', supervisor)).json()) as {
      items: Record<string, unknown>[];
    };
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).not.toHaveProperty('secret');
    citySecret = subscription.secret;
  });

  let citySecret = '';

  it('sends the assigned agency a signed event with the confidential body, never the anonymous reporter', async () => {
    const c = complaint();
    const submitted = sampleEvent(EventTypes.ComplaintSubmitted);
    const data: ComplaintSubmittedData = {
      ...submitted.data,
      privacy: 'anonymous',
      language: 'en',
      body: 'Isi rahasia: pungutan liar di loket perizinan',
      reporter,
    };
    await publish(c.event({ ...submitted, data }));
    const routed = c.event(sampleEvent(EventTypes.ComplaintRouted), 'confidential');
    await publish(routed, routed); // delivered twice, as Kafka may

    const admin = await token(['admin']);
    const deliveries = async () =>
      (
        (await (await call('GET', `/v1/deliveries?complaintId=${c.id}`, admin)).json()) as {
          items: { channel: string; status: string; attempts: number; lastError: string | null }[];
        }
      ).items;
    await waitFor(async () => (await deliveries()).length === 3, {
      timeoutMs: 90_000,
      description: 'the three deliveries to be recorded',
    });
    await waitFor(async () => (await deliveries()).every((d) => d.status === 'delivered'), {
      timeoutMs: 30_000,
      description: 'the three deliveries to be delivered',
    });
    expect(smtp.mails).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(city.requests).toHaveLength(1);
    const [request] = city.requests;
    expect(request.path).toBe('/hooks/salur');
    expect(verifyStandardWebhook(citySecret, request.headers, request.body)).toBe(true);
    expect(JSON.parse(request.body)).toMatchObject({
      id: routed.id,
      type: EventTypes.ComplaintRouted,
      data: {
        complaint: { complaintId: c.id, body: 'Isi rahasia: pungutan liar di loket perizinan' },
      },
    });
    for (const value of Object.values(reporter)) expect(request.body).not.toContain(value);

    expect(smtp.mails.map((m) => m.subject).sort()).toEqual([
      `Report ${submitted.data.trackingId} passed to Pemerintah Kota Balikpapan`,
      `We received your report ${submitted.data.trackingId}`,
    ]);
    expect(JSON.stringify(smtp.mails[0]?.to)).toContain(reporter.email);

    await waitFor(
      () => probe.on(`${prefix}salur.notifications.v1`).filter((m) => m.key === c.id).length === 3,
      { timeoutMs: 30_000, description: 'three delivered events' },
    );
    const events = probe.on(`${prefix}salur.notifications.v1`).filter((m) => m.key === c.id);
    expect(new Set(events.map((m) => m.headers.ce_type))).toEqual(
      new Set([EventTypes.NotificationDelivered]),
    );
    for (const event of events) {
      for (const value of Object.values(reporter)) expect(event.value).not.toContain(value);
    }
    for (const value of [...Object.values(reporter), 'Bambang']) {
      expect(service.output).not.toContain(value);
    }
  });

  it('keeps retrying across a restart, fails after the last try, and redrives on request', async () => {
    const admin = await token(['admin']);
    const created = await call('POST', '/v1/subscriptions', admin, {
      agency: 'pemda-64.02',
      url: flaky.url('/flaky'),
    });
    expect(created.status).toBe(201);
    const c = complaint('pemda-64.02');
    await publish(c.event(sampleEvent(EventTypes.ComplaintRouted)));
    await waitFor(() => flaky.requests.length >= 1, {
      timeoutMs: 60_000,
      description: 'first try',
    });
    await service.kill();
    await service.start();
    await waitFor(() => flaky.requests.length >= 3, {
      timeoutMs: 30_000,
      description: 'the remaining tries after the restart',
    });
    const list = async () =>
      (
        (await (await call('GET', `/v1/deliveries?complaintId=${c.id}`, admin)).json()) as {
          items: { deliveryId: string; status: string; attempts: number; lastStatusCode: number }[];
        }
      ).items;
    await waitFor(async () => (await list())[0]?.status === 'failed', {
      timeoutMs: 30_000,
      description: 'the delivery to fail',
    });
    const [failed] = await list();
    expect(failed).toMatchObject({ attempts: 3, lastStatusCode: 503 });
    await waitFor(
      () =>
        probe
          .on(`${prefix}salur.notifications.v1`)
          .some((m) => m.key === c.id && m.headers.ce_type === EventTypes.NotificationFailed),
      { timeoutMs: 30_000, description: 'the failed event' },
    );

    flaky.behaviour = 'ok';
    const redriven = await call('POST', `/v1/deliveries/${failed.deliveryId}/redrive`, admin);
    expect(redriven.status).toBe(202);
    const again = await call('POST', `/v1/deliveries/${failed.deliveryId}/redrive`, admin);
    expect(again.status).toBe(409);
    await waitFor(async () => (await list())[0]?.status === 'delivered', {
      timeoutMs: 30_000,
      description: 'the redriven delivery',
    });
    const oncall = await token(['oncall']);
    expect((await call('POST', `/v1/deliveries/${randomUUID()}/redrive`, oncall)).status).toBe(404);
  });
});
