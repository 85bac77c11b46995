import {
  EventTypes,
  sampleEvent,
  type ComplaintSubmittedData,
  type EventEnvelope,
} from '@salur/contracts';
import { OutboxWriter, UnitOfWork } from '@salur/messaging';
import { AesSecretBox, loadConfig, runMigrations, serviceDataSourceOptions } from '@salur/platform';
import { createTestDatabase, waitFor, type TestDatabase } from '@salur/testing';
import { randomUUID } from 'node:crypto';
import { useAgent } from 'request-filtering-agent';
import { DataSource } from 'typeorm';
import { HttpReceiver, SmtpReceiver, verifyStandardWebhook } from '../../test/support/receivers';
import { NotificationEnv } from '../config/notification.env';
import { notificationDatabase } from '../database/data-source';
import type { DeliveryWorker } from './application/deliver/delivery-worker';
import { RecordEventDeliveries } from './application/record-deliveries/record-event-deliveries.use-case';
import { RedriveDelivery } from './application/redrive-delivery/redrive-delivery.use-case';
import { ManageSubscriptions } from './application/subscriptions/manage-subscriptions.use-case';
import { httpPost } from './channels/http-post';
import { createDeliveryWorker } from './deliveries.module';
import type { Delivery } from './domain/delivery';
import { WebhookTargetRefused } from './domain/notification-errors';
import { NOTIFICATION_SEALING_PURPOSE } from './persistence/aes-secret-box';
import { PostgresDeliveryStore } from './persistence/postgres-delivery-store';
import { PostgresReporterRecords } from './persistence/postgres-reporter-records';
import { PostgresSubscriptionStore } from './persistence/postgres-subscription-store';

/**
 * The delivery model and worker against a real Postgres and real receivers on 127.0.0.1: agency
 * webhooks (signatures checked with node:crypto only), an SMTP server, an SMS gateway and paging
 * endpoints, including ones that fail, hang and come back.
 */
describe('notification deliveries', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;
  let worker: DeliveryWorker;
  let subscriptions: ManageSubscriptions;
  let record: RecordEventDeliveries;
  const box = new AesSecretBox(
    'integration-test-secret-at-least-32-characters',
    NOTIFICATION_SEALING_PURPOSE,
  );
  const receivers: HttpReceiver[] = [];
  let smtp: SmtpReceiver;
  let sms: HttpReceiver;
  let pagerDuty: HttpReceiver;
  let oncallHook: HttpReceiver;

  async function receiver(): Promise<HttpReceiver> {
    const r = await HttpReceiver.start();
    receivers.push(r);
    return r;
  }

  beforeAll(async () => {
    db = await createTestDatabase('notification-worker');
    await runMigrations(notificationDatabase(db.url));
    dataSource = new DataSource(serviceDataSourceOptions(notificationDatabase(db.url)));
    await dataSource.initialize();
    unitOfWork = new UnitOfWork(
      dataSource,
      new OutboxWriter({ schema: 'notification', source: '/salur/notification' }),
    );
    smtp = await SmtpReceiver.start();
    sms = await receiver();
    pagerDuty = await receiver();
    oncallHook = await receiver();
    const config = loadConfig(NotificationEnv, {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      KAFKA_BROKERS: '127.0.0.1:9',
      AUTH_JWT_SECRET: 'integration-only-secret-at-least-thirty-two-chars',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOK_TIMEOUT_MS: '400',
      DELIVERY_MAX_ATTEMPTS: '3',
      DELIVERY_BACKOFF_BASE_MS: '100',
      DELIVERY_BACKOFF_MAX_MS: '400',
      DELIVERY_POLL_INTERVAL_MS: '50',
      DELIVERY_ENDPOINT_CONCURRENCY: '2',
      CIRCUIT_BREAKER_FAILURES: '3',
      CIRCUIT_BREAKER_HALF_OPEN_MS: '300',
      SMTP_URL: smtp.url,
      SMS_GATEWAY_URL: sms.url('/messages'),
      SMS_GATEWAY_TOKEN: 'gateway-token',
      PAGERDUTY_EVENTS_URL: pagerDuty.url('/v2/enqueue'),
      PAGERDUTY_ROUTING_KEY: 'routing-key-123',
      ONCALL_WEBHOOK_URL: oncallHook.url('/oncall'),
    });
    worker = createDeliveryWorker(dataSource, unitOfWork, box, config);
    subscriptions = new ManageSubscriptions(
      new PostgresSubscriptionStore(dataSource.manager, box),
      { now: () => new Date() },
      { allowedHosts: ['127.0.0.1'], rotationOverlapMs: 3_600_000 },
    );
    record = new RecordEventDeliveries(
      { now: () => new Date() },
      {
        reporterChannels: ['email', 'sms'],
        pageTargets: ['pagerduty', 'oncall-webhook'],
        pageWarnings: true,
      },
    );
    worker.start();
  });

  afterAll(async () => {
    await worker.stop();
    for (const r of receivers) await r.close();
    await smtp.close();
    await dataSource.destroy();
    await db.drop();
  });

  /** What the consumer does in the transaction that records the event in the inbox. */
  function consume(event: EventEnvelope): Promise<Delivery[]> {
    return unitOfWork.run((tx) =>
      record.execute(
        {
          deliveries: new PostgresDeliveryStore(tx.manager),
          subscriptions: new PostgresSubscriptionStore(tx.manager, box),
          reporters: new PostgresReporterRecords(tx.manager, box),
        },
        event,
      ),
    );
  }

  function deliveriesOf(complaintId: string): Promise<Delivery[]> {
    return new PostgresDeliveryStore(dataSource.manager).forComplaint(complaintId);
  }

  async function outbox(type: string): Promise<{ deliveryId: string; [k: string]: unknown }[]> {
    const rows: { payload: string }[] = await dataSource.query(
      `SELECT payload FROM notification.outbox WHERE event_type = $1 ORDER BY position`,
      [type],
    );
    return rows.map((r) => JSON.parse(r.payload) as { deliveryId: string });
  }

  /** A complaint of its own for each test, with the sample's shape. */
  function complaint(): { id: string; event: <T extends EventEnvelope>(e: T) => T } {
    const id = randomUUID();
    return {
      id,
      event: <T extends EventEnvelope>(e: T): T => {
        const data = e.data as Record<string, unknown>;
        const snapshot = data.complaint as Record<string, unknown> | undefined;
        return {
          ...e,
          id: randomUUID(),
          subject: id,
          data: {
            ...data,
            ...('complaintId' in data ? { complaintId: id } : {}),
            ...(snapshot ? { complaint: { ...snapshot, complaintId: id } } : {}),
          },
        };
      },
    };
  }

  it('signs agency webhooks the Standard Webhooks way, with both secrets during a rotation', async () => {
    const agency = await receiver();
    const created = await subscriptions.create({
      agency: 'pemda-64.71',
      url: agency.url(),
      eventTypes: [EventTypes.ComplaintRouted, EventTypes.ComplaintAcknowledged],
    });
    const c = complaint();
    const routed = c.event(sampleEvent(EventTypes.ComplaintRouted));
    await consume(routed);
    await consume(routed); // a redelivered event records nothing more
    await waitFor(() => agency.requests.length === 1, {
      timeoutMs: 10_000,
      description: 'webhook',
    });

    const [request] = agency.requests;
    expect(request.headers['content-type']).toContain('application/cloudevents+json');
    expect(request.headers['webhook-id']).toBe(routed.id);
    expect(verifyStandardWebhook(created.secret, request.headers, request.body)).toBe(true);
    expect(verifyStandardWebhook(created.secret, request.headers, `${request.body} `)).toBe(false);
    const cloudEvent = JSON.parse(request.body) as Record<string, unknown>;
    expect(cloudEvent).toMatchObject({
      specversion: '1.0',
      id: routed.id,
      type: EventTypes.ComplaintRouted,
      subject: c.id,
      agency: 'pemda-64.71',
      data: { agency: 'pemda-64.71', complaint: { complaintId: c.id } },
    });

    const rotated = await subscriptions.rotate(created.subscriptionId, () => true);
    await consume(c.event(sampleEvent(EventTypes.ComplaintAcknowledged)));
    await consume(c.event(sampleEvent(EventTypes.ComplaintResponded))); // not subscribed
    await waitFor(() => agency.requests.length === 2, { timeoutMs: 10_000, description: 'second' });
    const second = agency.requests[1];
    expect(second.headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verifyStandardWebhook(rotated.secret, second.headers, second.body)).toBe(true);
    expect(verifyStandardWebhook(created.secret, second.headers, second.body)).toBe(true);

    await waitFor(async () => (await deliveriesOf(c.id)).every((d) => d.status === 'delivered'), {
      timeoutMs: 10_000,
      description: 'deliveries to be marked delivered',
    });
    const delivered = await deliveriesOf(c.id);
    expect(delivered).toHaveLength(2);
    const events = await outbox(EventTypes.NotificationDelivered);
    expect(events).toEqual(
      expect.arrayContaining(
        delivered.map((d): unknown =>
          expect.objectContaining({
            deliveryId: d.deliveryId,
            channel: 'webhook',
            recipientKind: 'agency',
            recipientAgency: 'pemda-64.71',
            target: `http://127.0.0.1:${agency.port}/***`,
            attempts: 1,
          }),
        ),
      ),
    );
    expect(agency.requests).toHaveLength(2);
  });

  it('gives a confidential body only to the assigned agency and an anonymous identity to none', async () => {
    const city = await receiver();
    const province = await receiver();
    await subscriptions.create({ agency: 'pemda-64.71', url: city.url(), eventTypes: [] });
    await subscriptions.create({ agency: 'pemda-64', url: province.url(), eventTypes: [] });
    const c = complaint();
    const secretBody = 'Pungutan liar Rp 2.500.000 di SMA Negeri; nama guru: Pak Budi';
    const submitted = sampleEvent(EventTypes.ComplaintSubmitted);
    const submittedData: ComplaintSubmittedData = {
      ...submitted.data,
      privacy: 'anonymous',
      body: secretBody,
      reporter: {
        name: 'Dewi Lestari',
        email: 'dewi.lestari@example.test',
        phone: '+6281298765432',
      },
    };
    await consume(c.event({ ...submitted, data: submittedData }));
    const routed = c.event(sampleEvent(EventTypes.ComplaintRouted));
    const confidential = {
      ...routed,
      data: {
        ...routed.data,
        complaint: { ...routed.data.complaint, privacy: 'confidential' as const, body: null },
      },
    };
    await consume(confidential);
    const forwarded = c.event(sampleEvent(EventTypes.ComplaintForwarded, { agency: 'pemda-64' }));
    await consume({
      ...forwarded,
      data: {
        ...forwarded.data,
        fromAgency: 'pemda-64.71',
        toAgency: 'pemda-64',
        complaint: {
          ...forwarded.data.complaint,
          agency: 'pemda-64',
          privacy: 'confidential' as const,
          body: null,
        },
      },
    });
    await waitFor(() => city.requests.length === 2 && province.requests.length === 1, {
      timeoutMs: 10_000,
      description: 'webhooks to both agencies',
    });
    await waitFor(async () => (await deliveriesOf(c.id)).every((d) => d.status === 'delivered'), {
      timeoutMs: 10_000,
      description: 'every delivery of the complaint',
    });
    // two tries to one endpoint may run at once: tell them apart by type, not arrival order
    const cityRouted = city.requests.find((r) => r.body.includes(EventTypes.ComplaintRouted));
    const cityForwarded = city.requests.find((r) => r.body.includes(EventTypes.ComplaintForwarded));
    expect(JSON.parse(cityRouted?.body ?? '{}')).toMatchObject({
      data: { complaint: { body: secretBody } },
    });
    // after the forward the city is no longer assigned: no body
    expect(cityForwarded?.body).not.toContain('Pungutan liar');
    expect(JSON.parse(province.requests[0]?.body ?? '{}')).toMatchObject({
      data: { complaint: { agency: 'pemda-64', body: secretBody } },
    });
    for (const r of [...city.requests, ...province.requests]) {
      for (const secret of ['Dewi', 'dewi.lestari@example.test', '+6281298765432', '81298765432']) {
        expect(r.body).not.toContain(secret);
        expect(JSON.stringify(r.headers)).not.toContain(secret);
      }
    }
    // the reporter is told in their own mail, which is the only place their address goes
    const stored: { contact_sealed: string; body_sealed: string }[] = await dataSource.query(
      `SELECT contact_sealed, body_sealed FROM notification.reporter_contacts WHERE complaint_id = $1`,
      [c.id],
    );
    expect(JSON.stringify(stored)).not.toContain('dewi');
    expect(JSON.stringify(stored)).not.toContain('Pungutan');
    const rows: unknown[] = await dataSource.query(
      `SELECT * FROM notification.deliveries WHERE complaint_id = $1`,
      [c.id],
    );
    expect(JSON.stringify(rows)).not.toContain('dewi.lestari');
    expect(JSON.stringify(rows)).not.toContain('Dewi Lestari');
    const outboxRows: unknown[] = await dataSource.query(`SELECT * FROM notification.outbox`);
    expect(JSON.stringify(outboxRows)).not.toContain('dewi.lestari');
  });

  it('mails the reporter in their language, and texts one who gave only a number', async () => {
    const mailed = complaint();
    const submitted = sampleEvent(EventTypes.ComplaintSubmitted);
    await consume(
      mailed.event({
        ...submitted,
        data: {
          ...submitted.data,
          language: 'en',
          reporter: { name: 'Ayu', email: 'ayu@example.test' },
        },
      }),
    );
    const texted = complaint();
    await consume(
      texted.event({
        ...submitted,
        data: { ...submitted.data, language: 'id', reporter: { phone: '+6281311112222' } },
      }),
    );
    await waitFor(
      () =>
        smtp.mails.some(
          (m) => m.to !== undefined && JSON.stringify(m.to).includes('ayu@example.test'),
        ),
      {
        timeoutMs: 10_000,
        description: 'the receipt mail',
      },
    );
    const mail = smtp.mails.find((m) => JSON.stringify(m.to).includes('ayu@example.test'));
    expect(mail?.subject).toBe(`We received your report ${submitted.data.trackingId}`);
    expect(mail?.text).toContain(submitted.data.trackingId);
    expect(mail?.html).toContain('<html lang="en">');

    await waitFor(() => sms.requests.some((r) => r.body.includes('+6281311112222')), {
      timeoutMs: 10_000,
      description: 'the SMS',
    });
    const text = sms.requests.find((r) => r.body.includes('+6281311112222'));
    expect(text?.headers.authorization).toBe('Bearer gateway-token');
    expect(JSON.parse(text?.body ?? '{}')).toEqual({
      to: '+6281311112222',
      message: `SALUR: Laporan Anda diterima. No. pelacakan ${submitted.data.trackingId}.`,
      sender: 'SALUR',
      reference: expect.any(String),
    });
    await waitFor(async () => (await deliveriesOf(texted.id))[0]?.status === 'delivered', {
      timeoutMs: 10_000,
      description: 'the SMS delivery',
    });
    const events = await outbox(EventTypes.NotificationDelivered);
    expect(events).toContainEqual(
      expect.objectContaining({ channel: 'sms', target: '+62*******2222' }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ channel: 'email', target: 'a***@example.test' }),
    );
  });

  it('retries a failing endpoint with backoff until it comes back', async () => {
    const flaky = await receiver();
    flaky.behaviour = 'fail';
    await subscriptions.create({ agency: 'pemda-64.02', url: flaky.url(), eventTypes: [] });
    const c = complaint();
    const routed = c.event(sampleEvent(EventTypes.ComplaintRouted, { agency: 'pemda-64.02' }));
    await consume({
      ...routed,
      data: {
        ...routed.data,
        agency: 'pemda-64.02',
        complaint: { ...routed.data.complaint, agency: 'pemda-64.02' },
      },
    });
    await waitFor(() => flaky.requests.length === 2, {
      timeoutMs: 10_000,
      description: 'two tries',
    });
    flaky.behaviour = 'ok';
    await waitFor(async () => (await deliveriesOf(c.id))[0]?.status === 'delivered', {
      timeoutMs: 10_000,
      description: 'delivery after the endpoint came back',
    });
    const [delivery] = await deliveriesOf(c.id);
    expect(delivery.attempts).toBe(3);
    const gaps = flaky.requests.slice(1).map((r, i) => r.at - (flaky.requests[i]?.at ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(50); // base 100 ms, half of it fixed
    expect(gaps[1]).toBeGreaterThanOrEqual(100);
    // every retry carries the same webhook-id, so the agency can drop duplicates
    expect(new Set(flaky.requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
  });

  it('fails a delivery after its last try, publishes it, and redrives it on request', async () => {
    const dead = await receiver();
    dead.behaviour = 'fail';
    await subscriptions.create({ agency: 'pemda-63.71', url: dead.url(), eventTypes: [] });
    const c = complaint();
    const routed = c.event(sampleEvent(EventTypes.ComplaintRouted, { agency: 'pemda-63.71' }));
    await consume({
      ...routed,
      data: {
        ...routed.data,
        agency: 'pemda-63.71',
        complaint: { ...routed.data.complaint, agency: 'pemda-63.71' },
      },
    });
    await waitFor(async () => (await deliveriesOf(c.id))[0]?.status === 'failed', {
      timeoutMs: 15_000,
      description: 'the delivery to fail',
    });
    const [failed] = await deliveriesOf(c.id);
    expect(failed).toMatchObject({ attempts: 3, lastStatusCode: 503, lastError: 'HTTP 503' });
    expect(await outbox(EventTypes.NotificationFailed)).toContainEqual(
      expect.objectContaining({
        deliveryId: failed.deliveryId,
        attempts: 3,
        lastStatusCode: 503,
        recipientAgency: 'pemda-63.71',
      }),
    );

    const redrive = new RedriveDelivery(
      new PostgresDeliveryStore(dataSource.manager),
      { now: () => new Date() },
      () => {
        worker.wake();
      },
    );
    await expect(redrive.execute(randomUUID())).rejects.toMatchObject({ code: 'DeliveryNotFound' });
    dead.behaviour = 'ok';
    await redrive.execute(failed.deliveryId);
    await expect(redrive.execute(failed.deliveryId)).rejects.toMatchObject({
      code: 'DeliveryNotFailed',
    });
    await waitFor(async () => (await deliveriesOf(c.id))[0]?.status === 'delivered', {
      timeoutMs: 10_000,
      description: 'the redriven delivery',
    });
  });

  it('does not let a hanging endpoint hold up the others', async () => {
    const hanging = await receiver();
    hanging.behaviour = 'hang';
    const healthy = await receiver();
    await subscriptions.create({ agency: 'pemda-62.71', url: hanging.url(), eventTypes: [] });
    await subscriptions.create({ agency: 'pemda-61.71', url: healthy.url(), eventTypes: [] });
    const routedTo = (agency: string) => {
      const c = complaint();
      const routed = c.event(sampleEvent(EventTypes.ComplaintRouted, { agency }));
      return consume({
        ...routed,
        data: { ...routed.data, agency, complaint: { ...routed.data.complaint, agency } },
      });
    };
    for (let i = 0; i < 6; i++) await routedTo('pemda-62.71');
    const started = Date.now();
    for (let i = 0; i < 6; i++) await routedTo('pemda-61.71');
    await waitFor(() => healthy.requests.length === 6, {
      timeoutMs: 10_000,
      description: 'healthy deliveries',
    });
    // six healthy deliveries took less than the hanging endpoint's timeout on each of its six
    expect(Date.now() - started).toBeLessThan(6 * 400);
    // the hanging endpoint is held to its share (2 at a time), and its circuit opens after 3 timeouts
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(hanging.requests.length).toBeLessThanOrEqual(5);
  });

  it('refuses loopback targets outside the allow-list, before and at connection time', async () => {
    const target = await receiver();
    await expect(
      subscriptions.create({
        agency: 'pemda-64.71',
        url: `http://127.0.0.2:${target.port}/hook`,
        eventTypes: [],
      }),
    ).rejects.toBeInstanceOf(WebhookTargetRefused);
    await expect(
      subscriptions.create({
        agency: 'pemda-64.71',
        url: `http://localhost:${target.port}/hook`,
        eventTypes: [],
      }),
    ).rejects.toBeInstanceOf(WebhookTargetRefused);
    // the connect-time guard, which also covers names that resolve to such addresses
    await expect(
      httpPost(target.url(), '{}', {}, { timeoutMs: 1_000, agent: useAgent(target.url()) }),
    ).rejects.toThrow(/not allowed/i);
    expect(target.requests).toHaveLength(0);
  });

  it('pages a breach once on PagerDuty and the on-call hook, and resolves it when met', async () => {
    const c = complaint();
    const breached = c.event(sampleEvent(EventTypes.SlaBreached));
    await consume(breached);
    await consume(breached);
    const met = c.event(sampleEvent(EventTypes.SlaMet));
    await waitFor(() => pagerDuty.requests.some((r) => r.body.includes(breached.data.clockId)), {
      timeoutMs: 10_000,
      description: 'the page',
    });
    await consume({
      ...met,
      data: { ...met.data, clockId: breached.data.clockId, withinSla: false },
    });
    await waitFor(
      () => pagerDuty.requests.filter((r) => r.body.includes(breached.data.clockId)).length === 2,
      { timeoutMs: 10_000, description: 'the resolve' },
    );
    const pages = pagerDuty.requests
      .filter((r) => r.body.includes(breached.data.clockId))
      .map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(pages[0]).toMatchObject({
      routing_key: 'routing-key-123',
      event_action: 'trigger',
      dedup_key: `salur-sla-${breached.data.clockId}-breach`,
      payload: { severity: 'critical', source: 'salur-sla', group: 'pemda-64.71' },
    });
    expect(pages[1]).toEqual({
      routing_key: 'routing-key-123',
      event_action: 'resolve',
      dedup_key: `salur-sla-${breached.data.clockId}-breach`,
    });
    await waitFor(
      () => oncallHook.requests.filter((r) => r.body.includes(breached.data.clockId)).length === 2,
      { timeoutMs: 10_000, description: 'the generic on-call hook' },
    );
    expect(JSON.parse(oncallHook.requests[0]?.body ?? '{}')).toMatchObject({
      action: 'trigger',
      dedupKey: `salur-sla-${breached.data.clockId}-breach`,
      severity: 'critical',
      complaintId: c.id,
    });
    expect(await outbox(EventTypes.NotificationDelivered)).toContainEqual(
      expect.objectContaining({
        channel: 'page',
        recipientKind: 'oncall',
        target: 'oncall:pemda-64.71',
      }),
    );
  });
});
