import { waitFor, type ProbedMessage, type TopicProbe } from '@salur/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpReceiver } from '../../apps/notification/test/support/receivers';
import { ChaosStack } from '../support/chaos-stack';
import { SERVICES, type ServiceName } from '../support/salur-stack';

/** One thing done to the running system, in order, while complaints keep coming. */
export type ChaosStep =
  | { readonly kind: 'run'; readonly ms: number }
  | { readonly kind: 'kill'; readonly service: ServiceName; readonly downMs: number }
  | { readonly kind: 'kafka-outage'; readonly downMs: number }
  | { readonly kind: 'postgres-restart' }
  | { readonly kind: 'poison' };

export interface ChaosPlan {
  readonly name: string;
  /** Complaints submitted per second by the generator. */
  readonly ratePerSecond: number;
  readonly steps: readonly ChaosStep[];
  /** How long the system may take to settle after the last step. */
  readonly settleTimeoutMs: number;
  /** The dedicated Postgres cluster's name. */
  readonly cluster: string;
}

export interface ChaosCounts {
  readonly plan: string;
  readonly seconds: number;
  readonly postgres: string;
  readonly faults: string[];
  readonly submissions: {
    readonly requests: number;
    readonly retries: number;
    readonly accepted202: number;
    readonly distinctComplaints: number;
    readonly unanswered: number;
    readonly outcomes: Record<string, number>;
  };
  readonly routing: {
    readonly routedEvents: number;
    readonly routedComplaints: number;
    readonly verifiedEvents: number;
    readonly acknowledgedByAgency: number;
    readonly acknowledgedEvents: number;
    /** Events on the topic a second time with the same ce_id (the relay's at-least-once). */
    readonly republished: Record<string, number>;
  };
  readonly slaClocks: Record<string, number> & { readonly complaints: number };
  readonly webhooks: {
    readonly requests: number;
    readonly distinctIds: number;
    readonly redeliveredAfterCrash: number;
    readonly expected: number;
  };
  readonly deadLetters: Record<string, number>;
  readonly settled: boolean;
  /** From the end of the last step until the system was quiet. */
  readonly settleSeconds: number;
}

export interface ChaosResult {
  readonly counts: ChaosCounts;
  /** Each broken promise, in words; empty when every invariant held. */
  readonly problems: string[];
  /** What is worth knowing but allowed by the contract (at-least-once on the wire). */
  readonly notes: string[];
}

const REGION = '64.71';
const AGENCY = 'pemda-64.71';
const ROUTED = 'salur.complaint.routed.v1';
const VERIFIED = 'salur.complaint.verified.v1';
const ACKNOWLEDGED = 'salur.complaint.acknowledged.v1';
const SUBMITTED = 'salur.complaint.submitted.v1';
/** Consumer groups of salur.intake.v1: a poison message there reaches each one's dead-letter topic. */
const INTAKE_CONSUMERS = ['routing', 'sla', 'notification'] as const;

const log = (line: string): void => {
  process.stderr.write(`[salur chaos] ${new Date().toISOString()} ${line}\n`);
};

function complaintBody(n: number, title: string): unknown {
  return {
    type: 'complaint',
    channel: 'web',
    title,
    body: `Laporan uji ketahanan nomor ${n}: lampu jalan padam di depan sekolah sejak minggu lalu.`,
    category: 'infrastruktur',
    location: { regionCode: REGION, address: 'Jl. Jenderal Sudirman, Balikpapan' },
    privacy: 'public',
    reporter: { name: `Pelapor ${n}`, email: `pelapor-${n}@example.test` },
  };
}

function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  if (cause?.code) return cause.code;
  return error instanceof Error ? error.name : 'error';
}

/**
 * Citizens submitting at a steady rate, each retrying with the same Idempotency-Key until it gets
 * a 202 (what a well-behaved channel does after a timeout or a 503).
 */
class Generator {
  /** complaint id of each Idempotency-Key that got its 202. */
  readonly accepted = new Map<string, string>();
  readonly outcomes: Record<string, number> = {};
  readonly unexpected: string[] = [];
  readonly unanswered: string[] = [];
  requests = 0;
  retries = 0;
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly stack: ChaosStack,
    private readonly run: string,
  ) {}

  start(ratePerSecond: number): void {
    this.timer = setInterval(() => {
      const n = this.next++;
      this.track(this.submit(`${this.run}-${n}`, complaintBody(n, `Lampu jalan padam ${n}`)));
    }, 1_000 / ratePerSecond);
  }

  /** Submits one complaint now and resolves with its id once it got a 202. */
  async submitOne(key: string, body: unknown): Promise<string | undefined> {
    const work = this.submit(key, body);
    this.track(work);
    await work;
    return this.accepted.get(key);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.pending]);
  }

  private track(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private count(outcome: string): void {
    this.outcomes[outcome] = (this.outcomes[outcome] ?? 0) + 1;
  }

  private async submit(key: string, body: unknown): Promise<void> {
    const giveUpAt = Date.now() + 240_000;
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) this.retries++;
      this.requests++;
      try {
        const res = await fetch(this.stack.url('intake', '/v1/complaints'), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        this.count(String(res.status));
        if (res.status === 202) {
          const { complaintId } = (await res.json()) as { complaintId: string };
          this.accepted.set(key, complaintId);
          return;
        }
        const text = await res.text();
        if (res.status >= 400 && res.status < 500 && ![408, 409, 425, 429].includes(res.status)) {
          this.unexpected.push(`${key}: ${res.status} ${text.slice(0, 300)}`);
          return;
        }
      } catch (error) {
        this.count(errorCode(error));
      }
      if (Date.now() > giveUpAt) {
        this.unanswered.push(key);
        return;
      }
      await sleep(500);
    }
  }
}

/**
 * The agency's officers: they read their queue over HTTP and acknowledge what is waiting, retrying
 * what fails. A 409 after a lost answer means an earlier try went through.
 */
class AgencyDesk {
  readonly acknowledged = new Set<string>();
  readonly conflicts = new Set<string>();
  /** Never got a definite answer: acknowledged at most once, but maybe not at all. */
  readonly unresolved = new Set<string>();
  readonly unexpected: string[] = [];
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly stack: ChaosStack,
    private readonly skip: Set<string>,
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.work();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async token(): Promise<string> {
    return this.stack.token({ roles: ['agency_operator'], agency: AGENCY, sub: 'chaos-officer' });
  }

  private async work(): Promise<void> {
    while (this.running) {
      try {
        const res = await fetch(
          this.stack.url(
            'routing',
            `/v1/agencies/${AGENCY}/complaints?status=awaiting_follow_up&sort=submitted&limit=100`,
          ),
          {
            headers: { authorization: `Bearer ${await this.token()}` },
            signal: AbortSignal.timeout(10_000),
          },
        );
        if (res.ok) {
          const { items } = (await res.json()) as { items: { complaintId: string }[] };
          const todo = items
            .map((i) => i.complaintId)
            .filter(
              (id) => !this.skip.has(id) && !this.acknowledged.has(id) && !this.conflicts.has(id),
            );
          // A few officers at once.
          for (let i = 0; i < todo.length; i += 8) {
            await Promise.all(todo.slice(i, i + 8).map((id) => this.acknowledge(id)));
          }
        }
      } catch {
        // routing or its database is away; look again shortly
      }
      await sleep(300);
    }
  }

  /**
   * Tries until routing gives a definite answer: after a timeout or a cut connection the
   * acknowledgement may or may not have been done, and the complaint may have left the queue.
   */
  private async acknowledge(id: string): Promise<void> {
    const giveUpAt = Date.now() + 180_000;
    while (Date.now() < giveUpAt) {
      try {
        const res = await fetch(this.stack.url('routing', `/v1/complaints/${id}/acknowledge`), {
          method: 'POST',
          headers: { authorization: `Bearer ${await this.token()}` },
          signal: AbortSignal.timeout(10_000),
        });
        if (res.status === 200) {
          this.acknowledged.add(id);
          return;
        }
        if (res.status === 409) {
          this.conflicts.add(id);
          return;
        }
        if (res.status < 500 && res.status !== 404) {
          this.unexpected.push(`${id}: ${res.status} ${(await res.text()).slice(0, 300)}`);
          return;
        }
      } catch {
        // routing or its database is away: the same request again shortly
      }
      await sleep(500);
    }
    this.unresolved.add(id);
  }
}

function tally(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

interface Kafkaish {
  readonly topic: string;
  readonly high: Map<number, bigint>;
}

/** Runs the plan against a fresh stack and checks, from the outside, what came out of it. */
export async function runChaos(plan: ChaosPlan): Promise<ChaosResult> {
  const began = Date.now();
  const run = randomUUID().slice(0, 8);
  const marker = `CHAOS-POISON-${run}`;
  const receiver = await HttpReceiver.start('ok');
  const stack = await ChaosStack.start(
    {
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      RATE_LIMIT_PER_CLIENT: '1000000',
      ROUTING_DUPLICATE_WINDOW_HOURS: '0',
      DELIVERY_BACKOFF_BASE_MS: '1000',
      DELIVERY_BACKOFF_MAX_MS: '10000',
    },
    // sla's handler of routed events fails for the complaint whose title carries the marker
    { sla: { SALUR_FAULT_FAIL_HANDLER: `${ROUTED}:${marker}` } },
    plan.cluster,
  ).catch(async (error: unknown) => {
    await receiver.close();
    throw error;
  });
  const faults: string[] = [];
  /** When notification could have sent a webhook without recording it: its kill, a Postgres restart. */
  const crashWindows: CrashWindow[] = [];
  const poisonKeys = { garbage: `chaos-garbage-${run}`, invalidId: randomUUID() };
  const skip = new Set<string>();
  let poisonComplaint: string | undefined;
  const generator = new Generator(stack, run);
  const desk = new AgencyDesk(stack, skip);
  let probe: TopicProbe | undefined;
  try {
    const admin = await stack.token({ roles: ['admin'] });
    const subscribed = await fetch(stack.url('notification', '/v1/subscriptions'), {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        agency: AGENCY,
        url: receiver.url(),
        eventTypes: [ROUTED, ACKNOWLEDGED],
      }),
    });
    if (subscribed.status !== 201) {
      throw new Error(
        `subscribing the agency failed: ${subscribed.status} ${await subscribed.text()}`,
      );
    }

    log(`${plan.name}: generator at ${plan.ratePerSecond}/s`);
    generator.start(plan.ratePerSecond);
    desk.start();
    for (const step of plan.steps) {
      const at = Date.now();
      switch (step.kind) {
        case 'run':
          await sleep(step.ms);
          break;
        case 'kill': {
          const service = stack.services[step.service];
          await service.kill();
          if (step.service === 'notification') crashWindows.push({ from: at, to: Date.now() });
          await sleep(step.downMs);
          await service.start();
          faults.push(
            `kill -9 ${step.service}, back after ${((Date.now() - at) / 1000).toFixed(1)} s`,
          );
          break;
        }
        case 'kafka-outage':
          await stack.kafka.stop();
          await sleep(step.downMs);
          await stack.kafka.start();
          faults.push(`Kafka stopped, back after ${((Date.now() - at) / 1000).toFixed(1)} s`);
          break;
        case 'postgres-restart':
          await stack.postgres.restart();
          crashWindows.push({ from: at, to: Date.now() });
          faults.push(
            `Postgres restarted (${stack.postgres.description}) in ${((Date.now() - at) / 1000).toFixed(1)} s`,
          );
          break;
        case 'poison': {
          poisonComplaint = await generator.submitOne(
            `${run}-poison`,
            complaintBody(-1, `Lampu jalan padam ${marker}`),
          );
          if (poisonComplaint) skip.add(poisonComplaint);
          await injectMalformed(stack, poisonKeys);
          faults.push(
            'poison: 1 failing handler (sla, routed), 1 garbage message, 1 invalid event',
          );
          break;
        }
      }
      if (step.kind !== 'run' && faults.length > 0) {
        faults[faults.length - 1] = `${new Date(at).toISOString().slice(11, 19)} ${faults.at(-1)}`;
      }
      log(`${plan.name}: ${step.kind} done`);
    }
    await generator.stop();
    await desk.stop();
    log(`${plan.name}: generator stopped; settling`);

    const dlqTopics = await deadLetterTopics(stack);
    const probed = [stack.topic('salur.complaints.v1'), ...dlqTopics];
    probe = await stack.probe(probed);
    const accepted = new Set(generator.accepted.values());
    let settled = true;
    let lastLeft: string | null = null;
    const settleFrom = Date.now();
    try {
      const settling = probe;
      await waitFor(
        async () => (lastLeft = await whatIsLeft(stack, settling, probed, accepted)) === null,
        {
          timeoutMs: plan.settleTimeoutMs,
          intervalMs: 1_000,
          description: 'outboxes empty, deliveries done, consumer groups caught up',
        },
      );
    } catch (error) {
      settled = false;
      log(`${plan.name}: ${(error as Error).message}`);
      log(`${plan.name}: still waiting for ${String(lastLeft)}`);
    }
    return await judge({
      plan,
      began,
      stack,
      probe,
      receiver,
      generator,
      desk,
      dlqTopics,
      faults,
      crashWindows,
      settled,
      settleSeconds: Math.round((Date.now() - settleFrom) / 1000),
      poisonComplaint,
      poisonKeys,
    });
  } finally {
    await generator.stop().catch(() => undefined);
    await desk.stop().catch(() => undefined);
    await probe?.stop().catch(() => undefined);
    await stack.stop();
    await receiver.close();
  }
}

/** A garbage message and a CloudEvent failing validation, straight onto salur.intake.v1. */
async function injectMalformed(
  stack: ChaosStack,
  keys: { readonly garbage: string; readonly invalidId: string },
): Promise<void> {
  const kafka = new Kafka({
    clientId: 'salur-chaos-poison',
    brokers: stack.brokers,
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer();
  await producer.connect();
  try {
    const subject = randomUUID();
    await producer.send({
      topic: stack.topic('salur.intake.v1'),
      messages: [
        { key: keys.garbage, value: randomBytes(64) },
        {
          key: subject,
          // a submission without title, body, location or reporter
          value: JSON.stringify({ complaintId: subject }),
          headers: {
            ce_specversion: '1.0',
            ce_id: keys.invalidId,
            ce_source: '/salur/chaos',
            ce_type: SUBMITTED,
            ce_time: new Date().toISOString(),
            ce_subject: subject,
            'content-type': 'application/json',
          },
        },
      ],
    });
  } finally {
    await producer.disconnect();
  }
}

async function deadLetterTopics(stack: ChaosStack): Promise<string[]> {
  const kafka = new Kafka({ brokers: stack.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.listTopics())
      .filter((t) => t.startsWith(stack.topicPrefix) && t.includes('.dlq.'))
      .sort();
  } finally {
    await admin.disconnect();
  }
}

async function highWatermarks(kafka: Kafka, topics: string[]): Promise<Kafkaish[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await Promise.all(
      topics.map(async (topic) => ({
        topic,
        high: new Map(
          (await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]),
        ),
      })),
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * Quiet: nothing left in any outbox, no delivery pending, every consumer group (the services'
 * and the probe) at the end of every topic it reads, and every accepted complaint routed.
 */
/** What the system still has to do before the counts can be judged; null once it is settled. */
async function whatIsLeft(
  stack: ChaosStack,
  probe: TopicProbe,
  probed: string[],
  accepted: Set<string>,
): Promise<string | null> {
  for (const schema of SERVICES) {
    const [{ n }] = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${schema}".outbox`,
    );
    if (n > 0) return `${n} rows in ${schema}.outbox`;
  }
  const [{ pending }] = await stack.query<{ pending: number }>(
    `SELECT count(*)::int AS pending FROM notification.deliveries WHERE status = 'pending'`,
  );
  if (pending > 0) return `${pending} pending webhook deliveries`;

  const kafka = new Kafka({ brokers: stack.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const all = (await admin.listTopics()).filter((t) => t.startsWith(stack.topicPrefix));
    const marks = await highWatermarks(kafka, all);
    const byTopic = new Map(marks.map((m) => [m.topic, m.high]));
    for (const service of SERVICES) {
      const groupId = `${stack.topicPrefix}salur-${service}`;
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
        for (const { partition, offset } of partitions) {
          const high = byTopic.get(topic)?.get(partition) ?? 0n;
          const committed = BigInt(offset) < 0n ? 0n : BigInt(offset);
          if (committed < high) {
            return `group salur-${service} at ${committed}/${high} on ${topic}[${partition}]`;
          }
        }
      }
    }
    const seen = new Map<string, bigint>();
    for (const m of probe.messages) {
      const key = `${m.topic}/${m.partition}`;
      const next = BigInt(m.offset) + 1n;
      if ((seen.get(key) ?? 0n) < next) seen.set(key, next);
    }
    for (const topic of probed) {
      for (const [partition, high] of byTopic.get(topic) ?? new Map<number, bigint>()) {
        const read = seen.get(`${topic}/${partition}`) ?? 0n;
        if (read < high) return `the probe at ${read}/${high} on ${topic}[${partition}]`;
      }
    }
  } finally {
    await admin.disconnect();
  }
  const routed = new Set(
    probe
      .on(stack.topic('salur.complaints.v1'))
      .filter((m) => m.headers.ce_type === ROUTED)
      .map((m) => m.key),
  );
  const unrouted = [...accepted].filter((id) => !routed.has(id));
  return unrouted.length > 0 ? `${unrouted.length} accepted complaints not routed yet` : null;
}

/** A stretch of time in which a sent webhook may not have been recorded as delivered. */
interface CrashWindow {
  readonly from: number;
  readonly to: number;
}

/**
 * How long before a crash a webhook may have been sent and still not recorded: the request is
 * answered, then the delivery row is updated in its own transaction.
 */
const UNRECORDED_DELIVERY_MS = 5_000;

interface Judged {
  readonly plan: ChaosPlan;
  readonly began: number;
  readonly stack: ChaosStack;
  readonly probe: TopicProbe;
  readonly receiver: HttpReceiver;
  readonly generator: Generator;
  readonly desk: AgencyDesk;
  readonly dlqTopics: string[];
  readonly faults: string[];
  readonly crashWindows: CrashWindow[];
  readonly settled: boolean;
  readonly settleSeconds: number;
  readonly poisonComplaint: string | undefined;
  readonly poisonKeys: { readonly garbage: string; readonly invalidId: string };
}

function exactlyOnce(
  problems: string[],
  what: string,
  expected: Iterable<string>,
  seen: Map<string, number>,
): void {
  const want = new Set(expected);
  const missing = [...want].filter((id) => !seen.has(id));
  const doubled = [...seen]
    .filter(([id, n]) => want.has(id) && n > 1)
    .map(([id, n]) => `${id}×${n}`);
  const stray = [...seen.keys()].filter((id) => !want.has(id));
  const show = (ids: string[]): string =>
    `${ids.length} (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})`;
  if (missing.length > 0) problems.push(`${what}: missing for ${show(missing)}`);
  if (doubled.length > 0) problems.push(`${what}: more than once for ${show(doubled)}`);
  if (stray.length > 0) problems.push(`${what}: for ids nobody was told about: ${show(stray)}`);
}

/**
 * One decision per complaint: exactly one distinct event (ce_id) of the type for each expected
 * complaint and none for others. The same event on the topic twice (the outbox relay published it,
 * was killed before it could delete the row, and published it again) is not hidden: it is counted,
 * named in the notes and shown in the totals; consumers drop it by ce_id, which the clock and
 * webhook counts check. Returns how many such re-publications there were.
 */
function oneDecisionEach(
  problems: string[],
  notes: string[],
  type: string,
  expected: Iterable<string>,
  messages: ProbedMessage[],
): number {
  const eventsOf = new Map<string, Set<string>>();
  for (const m of messages) {
    const events = eventsOf.get(m.key) ?? new Set<string>();
    events.add(m.headers.ce_id);
    eventsOf.set(m.key, events);
  }
  exactlyOnce(
    problems,
    `${type} decision (distinct ${type} events)`,
    expected,
    new Map([...eventsOf].map(([id, events]) => [id, events.size])),
  );
  const again = [...tally(messages.map((m) => m.headers.ce_id))].filter(([, n]) => n > 1);
  const extra = again.reduce((sum, [, n]) => sum + n - 1, 0);
  if (extra > 0) {
    notes.push(
      `${type}: ${messages.length} events on the topic for ${eventsOf.size} complaints; ` +
        `${extra} published again with the same ce_id (${again
          .slice(0, 5)
          .map(([id, n]) => `${id}×${n}`)
          .join(', ')})`,
    );
  }
  return extra;
}

async function judge(j: Judged): Promise<ChaosResult> {
  const { stack, probe, generator, desk } = j;
  const problems: string[] = [];
  if (!j.settled) problems.push('the system did not settle (see the log for what was left)');
  problems.push(...generator.unexpected.map((u) => `submission refused: ${u}`));
  problems.push(...generator.unanswered.map((k) => `submission never got a 202: ${k}`));
  problems.push(...desk.unexpected.map((u) => `acknowledge refused: ${u}`));
  if (j.poisonComplaint === undefined && j.plan.steps.some((s) => s.kind === 'poison')) {
    problems.push('the poison complaint was not accepted');
  }

  const ids = [...generator.accepted.values()];
  const accepted = new Set(ids);
  if (accepted.size !== ids.length) {
    problems.push(`${ids.length} 202s named only ${accepted.size} distinct complaints`);
  }

  const complaintsTopic = probe.on(stack.topic('salur.complaints.v1'));
  const ofType = (type: string): ProbedMessage[] =>
    complaintsTopic.filter((m) => m.headers.ce_type === type);
  const routed = ofType(ROUTED);
  const verified = ofType(VERIFIED);
  const acknowledged = ofType(ACKNOWLEDGED);
  const notes: string[] = [];
  const republished = {
    routed: oneDecisionEach(problems, notes, 'routed', accepted, routed),
    verified: oneDecisionEach(problems, notes, 'verified', accepted, verified),
    acknowledged: 0,
  };
  const actedOn = new Set([...desk.acknowledged, ...desk.conflicts]);
  republished.acknowledged = oneDecisionEach(
    problems,
    notes,
    'acknowledged',
    actedOn,
    acknowledged.filter((m) => !desk.unresolved.has(m.key)),
  );
  if (desk.unresolved.size > 0) {
    problems.push(`${desk.unresolved.size} acknowledgements never got an answer from routing`);
  }

  // SLA: verification and resolution from the submission, follow-up from routing; the poison
  // complaint's routed event is in sla's dead-letter topic, so it has no follow-up clock.
  const clocks = await stack.query<{ id: string; stage: string; n: number }>(
    `SELECT complaint_id::text AS id, stage, count(*)::int AS n FROM sla.clocks GROUP BY 1, 2`,
  );
  const slaClocks: Record<string, number> = {};
  for (const stage of ['verification', 'resolution', 'follow_up']) {
    const rows = clocks.filter((c) => c.stage === stage);
    slaClocks[stage] = rows.reduce((sum, r) => sum + r.n, 0);
    const expected =
      stage === 'follow_up' ? [...accepted].filter((id) => id !== j.poisonComplaint) : accepted;
    exactlyOnce(problems, `sla ${stage} clock`, expected, new Map(rows.map((r) => [r.id, r.n])));
  }
  const otherStages = clocks.filter(
    (c) => !['verification', 'resolution', 'follow_up'].includes(c.stage),
  );
  if (otherStages.length > 0) {
    problems.push(`unexpected clocks: ${JSON.stringify(otherStages.slice(0, 5))}`);
  }

  // Webhooks: one webhook-id per routed or acknowledged event, none missing and none for anything
  // else. The receiver always answers 2xx, so the same webhook-id arriving again is a redelivery:
  // delivery is at least once (Standard Webhooks receivers drop repeats by webhook-id), and a
  // redelivery is accepted only when its first arrival falls where the sender could have crashed
  // before recording it (a kill of notification, a Postgres restart); anywhere else it fails.
  const hooks = j.receiver.requests.map((r) => r.headers['webhook-id'] ?? '(none)');
  const expectedHooks = [...routed, ...acknowledged]
    .filter((m) => accepted.has(m.key))
    .map((m) => m.headers.ce_id);
  const hookTally = tally(hooks);
  exactlyOnce(
    problems,
    'webhook delivery',
    expectedHooks,
    new Map([...hookTally.keys()].map((id) => [id, 1])),
  );
  let redelivered = 0;
  for (const [id, n] of hookTally) {
    if (n < 2) continue;
    const arrivals = j.receiver.requests
      .filter((r) => r.headers['webhook-id'] === id)
      .map((r) => r.at)
      .sort((a, b) => a - b);
    const times = arrivals.map((at) => new Date(at).toISOString().slice(11, 23)).join(' and ');
    const first = arrivals[0];
    const explained = j.crashWindows.some(
      (w) => first >= w.from - UNRECORDED_DELIVERY_MS && first <= w.to,
    );
    if (explained && n === 2) {
      redelivered += 1;
      notes.push(`webhook-id ${id} redelivered after a crash: arrived at ${times} (UTC)`);
    } else {
      problems.push(`webhook-id ${id} arrived ${n} times (${times} UTC), outside any crash`);
    }
  }

  // Dead letters: exactly the poison, each once in each group that consumes its topic.
  const deadLetters: Record<string, number> = {};
  const dlqSeen = new Map<string, number>();
  for (const topic of j.dlqTopics) {
    const messages = probe.on(topic);
    if (messages.length > 0) deadLetters[topic.slice(stack.topicPrefix.length)] = messages.length;
    for (const m of messages) {
      const eventId = Object.hasOwn(m.headers, 'ce_id') ? m.headers.ce_id : `key ${m.key}`;
      const what = m.key === j.poisonKeys.garbage ? 'garbage' : eventId;
      const name = `${topic.slice(stack.topicPrefix.length)} ${what}`;
      dlqSeen.set(name, (dlqSeen.get(name) ?? 0) + 1);
    }
  }
  // How many copies of each poison event may be there: one, or as many as reached its source
  // topic (an event the relay published twice fails twice, independently).
  const expectedDlq = new Map<string, number>();
  if (j.plan.steps.some((s) => s.kind === 'poison')) {
    for (const service of INTAKE_CONSUMERS) {
      expectedDlq.set(`salur.intake.v1.dlq.salur-${service} garbage`, 1);
      expectedDlq.set(`salur.intake.v1.dlq.salur-${service} ${j.poisonKeys.invalidId}`, 1);
    }
    const poisonRouted = routed.filter((m) => m.key === j.poisonComplaint);
    if (poisonRouted.length > 0) {
      expectedDlq.set(
        `salur.complaints.v1.dlq.salur-sla ${poisonRouted[0].headers.ce_id}`,
        poisonRouted.length,
      );
    }
  }
  exactlyOnce(
    problems,
    'dead letter',
    expectedDlq.keys(),
    new Map([...dlqSeen].map(([name, n]) => [name, n <= (expectedDlq.get(name) ?? 1) ? 1 : n])),
  );
  for (const [name, n] of dlqSeen) {
    if (n > 1 && n <= (expectedDlq.get(name) ?? 1)) {
      notes.push(`dead letter ${name}: ${n} copies, as many as reached its source topic`);
    }
  }

  const counts: ChaosCounts = {
    plan: j.plan.name,
    seconds: Math.round((Date.now() - j.began) / 1000),
    postgres: stack.postgres.kind,
    faults: j.faults,
    submissions: {
      requests: generator.requests,
      retries: generator.retries,
      accepted202: ids.length,
      distinctComplaints: accepted.size,
      unanswered: generator.unanswered.length,
      outcomes: generator.outcomes,
    },
    routing: {
      routedEvents: routed.length,
      routedComplaints: new Set(routed.map((m) => m.key)).size,
      verifiedEvents: verified.length,
      acknowledgedByAgency: actedOn.size,
      acknowledgedEvents: acknowledged.length,
      republished,
    },
    slaClocks: { ...slaClocks, complaints: new Set(clocks.map((c) => c.id)).size },
    webhooks: {
      requests: hooks.length,
      distinctIds: hookTally.size,
      redeliveredAfterCrash: redelivered,
      expected: new Set(expectedHooks).size,
    },
    deadLetters,
    settled: j.settled,
    settleSeconds: j.settleSeconds,
  };
  return { counts, problems, notes };
}

/** The counts as one JSON line and a small table, for the log and docs/chaos.md. */
export function printCounts({ counts, problems, notes }: ChaosResult): void {
  const rows: [string, string | number][] = [
    [
      '202 answers (distinct complaints)',
      `${counts.submissions.accepted202} (${counts.submissions.distinctComplaints})`,
    ],
    ['submit requests (retries)', `${counts.submissions.requests} (${counts.submissions.retries})`],
    [
      'routed events (complaints, re-published)',
      `${counts.routing.routedEvents} (${counts.routing.routedComplaints}, ${counts.routing.republished.routed})`,
    ],
    ['verified events', counts.routing.verifiedEvents],
    [
      'acknowledged by agency / events',
      `${counts.routing.acknowledgedByAgency} / ${counts.routing.acknowledgedEvents}`,
    ],
    [
      'sla clocks verification / resolution / follow_up',
      `${counts.slaClocks.verification} / ${counts.slaClocks.resolution} / ${counts.slaClocks.follow_up}`,
    ],
    [
      'webhook requests / distinct webhook-ids / expected / redelivered after a crash',
      `${counts.webhooks.requests} / ${counts.webhooks.distinctIds} / ${counts.webhooks.expected} / ${counts.webhooks.redeliveredAfterCrash}`,
    ],
    ['dead letters', Object.values(counts.deadLetters).reduce((a, b) => a + b, 0)],
    ['settled after (s)', counts.settleSeconds],
    ['problems', problems.length],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const table = rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n');
  process.stdout.write(
    `\nchaos ${counts.plan}: ${counts.faults.join('; ')}\n${table}\n` +
      `CHAOS_COUNTS ${JSON.stringify(counts)}\n` +
      (notes.length > 0 ? `notes:\n${notes.map((n) => `  - ${n}`).join('\n')}\n` : '') +
      (problems.length > 0 ? `problems:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` : ''),
  );
}
