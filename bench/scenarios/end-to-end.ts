import { EventTypes, Topics } from '@salur/contracts';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  log,
  type BenchContext,
  type Scenario,
  type ScenarioResult,
} from '../support/bench-context';
import { complaintBody, submissionHeaders } from '../support/complaints';
import { benchToken, startServices, stopServices } from '../support/services';
import { describe, distribution, sleep, type Distribution } from '../support/stats';

const AGENCY = 'pemda-64.71';

/** When each complaint passed each point, in epoch milliseconds. */
interface Track {
  intended: number;
  accepted?: number;
  routed?: number;
  clock?: number;
  webhook?: number;
}

interface RateFigures {
  readonly ratePerSecond: number;
  readonly seconds: number;
  readonly sent: number;
  readonly accepted: number;
  /** Answers other than 202, by status (or error name). */
  readonly refused: Record<string, number>;
  readonly achievedPerSecond: number;
  /** Intended send time → 202 (includes queueing in the generator: open loop). */
  readonly intakeMs: Distribution;
  /** 202 → the routed event's Kafka timestamp. */
  readonly toRoutedMs: Distribution;
  /** 202 → the follow-up clock's `salur.sla.started.v1` Kafka timestamp. */
  readonly toClockStartedMs: Distribution;
  /** 202 → the agency's webhook received here. */
  readonly toWebhookMs: Distribution;
  readonly missing: { routed: number; clock: number; webhook: number };
  readonly sustained: boolean;
}

async function webhookReceiver(tracks: Map<string, Track>): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { subject?: string };
        const track = body.subject ? tracks.get(body.subject) : undefined;
        if (track && track.webhook === undefined) track.webhook = at;
      } catch {
        // Not ours to judge: the delivery counts as received.
      }
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  return server;
}

async function kafkaWatcher(
  brokers: string[],
  prefix: string,
  tracks: Map<string, Track>,
): Promise<Consumer> {
  const kafka = new Kafka({ clientId: 'salur-bench-e2e', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `${prefix}bench-watcher`, maxWaitTimeInMs: 50 });
  await consumer.connect();
  await consumer.subscribe({
    topics: [`${prefix}${Topics.complaints}`, `${prefix}${Topics.sla}`],
    fromBeginning: true,
  });
  await consumer.run({
    eachMessage: ({ message }) => {
      const type = message.headers?.ce_type?.toString();
      const track = message.key ? tracks.get(message.key.toString()) : undefined;
      if (!track) return Promise.resolve();
      const at = Number(message.timestamp);
      if (type === EventTypes.ComplaintRouted) track.routed ??= at;
      else if (type === EventTypes.SlaStarted && message.value) {
        const data = JSON.parse(message.value.toString()) as { stage?: string };
        if (data.stage === 'follow_up') track.clock ??= at;
      }
      return Promise.resolve();
    },
  });
  return consumer;
}

/** Open loop: request i leaves at start + i/rate whatever the answers before it did. */
async function offer(
  url: string,
  rate: number,
  seconds: number,
  tracks: Map<string, Track>,
  step: Track[],
): Promise<{ sent: number; refused: Record<string, number> }> {
  const total = Math.round(rate * seconds);
  const start = Date.now() + 50;
  let sent = 0;
  const refused: Record<string, number> = {};
  const refuse = (why: string) => {
    refused[why] = (refused[why] ?? 0) + 1;
  };
  let counter = Date.now() % 1_000_000;
  const pending: Promise<void>[] = [];
  while (sent < total) {
    const now = Date.now();
    while (sent < total && start + (sent * 1000) / rate <= now) {
      const intended = start + (sent * 1000) / rate;
      sent++;
      pending.push(
        fetch(url, {
          method: 'POST',
          headers: submissionHeaders(),
          body: complaintBody(counter++),
          // An overloaded intake must not hold the run for ever: what is not answered 30 s after
          // the window closed counts as refused (TimeoutError).
          signal: AbortSignal.timeout(Math.max(0, start + seconds * 1000 - Date.now()) + 30_000),
        })
          .then(async (response) => {
            const at = Date.now();
            const body = (await response.json()) as { complaintId?: string };
            if (response.status !== 202 || !body.complaintId) {
              refuse(String(response.status));
              return;
            }
            const track: Track = { intended, accepted: at };
            tracks.set(body.complaintId, track);
            step.push(track);
          })
          .catch((error: unknown) => {
            refuse(error instanceof Error ? error.name : 'error');
          }),
      );
    }
    await sleep(2);
  }
  await Promise.all(pending);
  return { sent, refused };
}

function figures(
  rate: number,
  seconds: number,
  sent: number,
  refused: Record<string, number>,
  step: readonly Track[],
): RateFigures {
  const since = (at: number | undefined, t: Track) =>
    at === undefined || t.accepted === undefined ? [] : [at - t.accepted];
  const toRouted = distribution(step.flatMap((t) => since(t.routed, t)));
  const toWebhook = distribution(step.flatMap((t) => since(t.webhook, t)));
  const missing = {
    routed: step.filter((t) => t.routed === undefined).length,
    clock: step.filter((t) => t.clock === undefined).length,
    webhook: step.filter((t) => t.webhook === undefined).length,
  };
  return {
    ratePerSecond: rate,
    seconds,
    sent,
    accepted: step.length,
    refused,
    achievedPerSecond: Math.round((step.length / seconds) * 10) / 10,
    intakeMs: distribution(step.map((t) => t.accepted! - t.intended)),
    toRoutedMs: toRouted,
    toClockStartedMs: distribution(step.flatMap((t) => since(t.clock, t))),
    toWebhookMs: toWebhook,
    missing,
    sustained:
      Object.keys(refused).length === 0 &&
      missing.routed + missing.webhook === 0 &&
      (toRouted.p99 ?? Infinity) < 500 &&
      (toWebhook.p99 ?? Infinity) < 500,
  };
}

/**
 * End to end through the four services, Kafka and Postgres on this machine: complaints offered
 * at fixed arrival rates; latency from the 202 to the routed event on Kafka, to the follow-up
 * clock started, and to the agency's webhook received; the highest rate whose p99 to routed and
 * to webhook stays under 500 ms with nothing refused or lost.
 */
export const endToEnd: Scenario = {
  name: 'e2e',
  measures:
    'end to end at fixed arrival rates: 202 → routed on Kafka, clock started, webhook received',
  async run(context: BenchContext): Promise<ScenarioResult> {
    const rates = context.numbers('rates', [100, 500, 1_000], [50]);
    const seconds = context.number('seconds', 60, 8);
    const drainSeconds = context.number('drain', 60, 20);
    const brokers = await context.brokers();
    const prefix = context.topicPrefix('e2e');
    const db = await context.database('e2e');
    const tracks = new Map<string, Track>();
    const receiver = await webhookReceiver(tracks);
    let consumer: Consumer | undefined;
    const services = await startServices(
      context.root,
      ['intake', 'routing', 'sla', 'notification'],
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: brokers.join(','),
        KAFKA_TOPIC_PREFIX: prefix,
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
        // Every benchmark complaint is about the same street: not duplicates of each other.
        ROUTING_DUPLICATE_WINDOW_HOURS: '0',
      },
      context.profileDir,
    );
    try {
      const subscribed = await fetch(`${services.notification.baseUrl}/v1/subscriptions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await benchToken(['admin'])}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          agency: AGENCY,
          url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/salur`,
          eventTypes: [EventTypes.ComplaintRouted],
        }),
      });
      if (subscribed.status !== 201) {
        throw new Error(
          `subscribing the agency webhook failed: ${subscribed.status} ${await subscribed.text()}`,
        );
      }
      consumer = await kafkaWatcher(brokers, prefix, tracks);
      // One complaint through everything first: consumers joined, connections warm.
      const warm: Track[] = [];
      await offer(`${services.intake.baseUrl}/v1/complaints`, 5, 2, tracks, warm);
      const warmDeadline = Date.now() + 60_000;
      while (warm.some((t) => t.webhook === undefined) && Date.now() < warmDeadline)
        await sleep(100);

      const results: RateFigures[] = [];
      for (const rate of rates) {
        const step: Track[] = [];
        log(`e2e: offering ${rate}/s for ${seconds} s`);
        const { sent, refused } = await offer(
          `${services.intake.baseUrl}/v1/complaints`,
          rate,
          seconds,
          tracks,
          step,
        );
        const deadline = Date.now() + drainSeconds * 1000;
        while (
          step.some((t) => t.webhook === undefined || t.clock === undefined) &&
          Date.now() < deadline
        ) {
          await sleep(200);
        }
        results.push(figures(rate, seconds, sent, refused, step));
        log(`e2e: ${rate}/s done; routed p99 ${results.at(-1)!.toRoutedMs.p99} ms`);
        // Settle before the next rate, so one step's backlog does not count against the next.
        await sleep(2_000);
      }
      const sustained = results.filter((r) => r.sustained).map((r) => r.ratePerSecond);
      const sustainableRate = sustained.length > 0 ? Math.max(...sustained) : null;
      return {
        figures: { rates: results, sustainableRatePerSecond: sustainableRate },
        summary: [
          ...results.flatMap((r) => [
            `${r.ratePerSecond}/s offered for ${r.seconds} s: ${r.accepted} accepted (${r.achievedPerSecond}/s), ` +
              `refused ${JSON.stringify(r.refused)}; missing routed ${r.missing.routed}, clock ${r.missing.clock}, webhook ${r.missing.webhook}`,
            `  intake (intended send → 202): ${describe(r.intakeMs)}`,
            `  202 → routed on Kafka:        ${describe(r.toRoutedMs)}`,
            `  202 → follow-up clock started: ${describe(r.toClockStartedMs)}`,
            `  202 → agency webhook received: ${describe(r.toWebhookMs)}`,
          ]),
          `sustainable rate (p99 to routed and to webhook < 500 ms, nothing lost): ` +
            `${sustainableRate === null ? 'none of the rates tested' : `${sustainableRate}/s`} (target 1,000/s)`,
        ],
      };
    } finally {
      await consumer?.disconnect().catch(() => undefined);
      await stopServices(services);
      receiver.closeAllConnections();
      receiver.close();
      await db.drop().catch(() => undefined);
    }
  },
};
