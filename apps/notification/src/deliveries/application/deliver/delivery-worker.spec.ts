import { newDelivery, type Delivery } from '../../domain/delivery';
import { DeliveryWorker, type DeliveryWorkerOptions } from './delivery-worker';
import type {
  ClaimRequest,
  DeliveryOutcomes,
  DeliveryQueue,
  EndpointGuard,
  SendResult,
} from './ports';

const options: DeliveryWorkerOptions = {
  retry: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 },
  concurrency: 4,
  perEndpointConcurrency: 2,
  leaseMs: 60_000,
  pollIntervalMs: 10_000,
};

function delivery(endpoint: string, attempts = 1): Delivery {
  return {
    ...newDelivery({
      deliveryId: crypto.randomUUID(),
      sourceEventId: crypto.randomUUID(),
      eventType: 'salur.complaint.routed.v1',
      complaintId: crypto.randomUUID(),
      recipientKind: 'agency',
      recipient: 'pemda-64.71',
      channel: 'webhook',
      targetKey: endpoint,
      endpoint,
      payload: { kind: 'page', page: {} as never },
      at: new Date(0),
    }),
    attempts,
  };
}

class Recorder implements DeliveryOutcomes {
  log: [string, string][] = [];
  next: Date | null = null;
  delivered(d: Delivery): Promise<void> {
    this.log.push(['delivered', d.endpoint]);
    return Promise.resolve();
  }
  retry(d: Delivery, _r: SendResult, next: Date): Promise<void> {
    this.log.push(['retry', d.endpoint]);
    this.next = next;
    return Promise.resolve();
  }
  failed(d: Delivery): Promise<void> {
    this.log.push(['failed', d.endpoint]);
    return Promise.resolve();
  }
  postpone(d: Delivery): Promise<void> {
    this.log.push(['postponed', d.endpoint]);
    return Promise.resolve();
  }
}

const passThrough: EndpointGuard = {
  isOpen: () => false,
  execute: (_e, attempt) => attempt(),
  halfOpenAfterMs: 1_000,
};

function worker(
  send: (d: Delivery) => Promise<SendResult>,
  queue: DeliveryQueue,
  outcomes = new Recorder(),
  guard = passThrough,
) {
  const now = new Date('2026-01-05T00:00:00Z');
  return {
    outcomes,
    worker: new DeliveryWorker(
      queue,
      { send },
      outcomes,
      guard,
      { now: () => now },
      options,
      {},
      () => 0,
    ),
    now,
  };
}

describe('the delivery worker', () => {
  it('marks a success delivered', async () => {
    const { worker: w, outcomes } = worker(
      () => Promise.resolve({ ok: true, target: 'https://a' }),
      { claim: () => Promise.resolve([]) },
    );
    await w.process(delivery('a'));
    expect(outcomes.log).toEqual([['delivered', 'a']]);
  });

  it('schedules a retry with backoff, then fails after the last try', async () => {
    const fail = () => Promise.resolve({ ok: false, target: 'https://a', statusCode: 503 });
    const { worker: w, outcomes, now } = worker(fail, { claim: () => Promise.resolve([]) });
    await w.process(delivery('a', 1));
    expect(outcomes.next?.getTime()).toBe(now.getTime() + 500);
    await w.process(delivery('a', 2));
    expect(outcomes.next?.getTime()).toBe(now.getTime() + 1_000);
    await w.process(delivery('a', 3));
    expect(outcomes.log.map(([o]) => o)).toEqual(['retry', 'retry', 'failed']);
  });

  it('fails at once on a permanent refusal, and treats a thrown error as a failed try', async () => {
    const { worker: w, outcomes } = worker(
      (d) =>
        d.endpoint === 'gone'
          ? Promise.resolve({ ok: false, target: 'https://a', statusCode: 410, permanent: true })
          : Promise.reject(new Error('boom')),
      { claim: () => Promise.resolve([]) },
    );
    await w.process(delivery('gone'));
    await w.process(delivery('boom'));
    expect(outcomes.log).toEqual([
      ['failed', 'gone'],
      ['retry', 'boom'],
    ]);
  });

  it('puts a delivery back untried when its endpoint circuit is open', async () => {
    const open: EndpointGuard = { ...passThrough, execute: () => Promise.resolve('open') };
    const { worker: w, outcomes } = worker(
      () => Promise.resolve({ ok: true, target: '' }),
      { claim: () => Promise.resolve([]) },
      new Recorder(),
      open,
    );
    await w.process(delivery('dead'));
    expect(outcomes.log).toEqual([['postponed', 'dead']]);
  });

  it('keeps a hanging endpoint to its share of the slots while others are delivered', async () => {
    const due = [
      delivery('hang'),
      delivery('hang'),
      delivery('hang'),
      delivery('a'),
      delivery('b'),
    ];
    const requests: ClaimRequest[] = [];
    const queue: DeliveryQueue = {
      claim: (request) => {
        requests.push(request);
        const picked = request.pick(due.splice(0));
        return Promise.resolve(picked);
      },
    };
    const sent: string[] = [];
    const { worker: w } = worker((d) => {
      sent.push(d.endpoint);
      return d.endpoint === 'hang'
        ? new Promise<SendResult>(() => undefined)
        : Promise.resolve({ ok: true, target: '' });
    }, queue);
    expect(await w.tick()).toBe(4);
    expect(sent.sort()).toEqual(['a', 'b', 'hang', 'hang']);
    expect(requests[0]?.lookAhead).toBe(16);
  });
});
