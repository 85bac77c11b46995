import { EventTypes, sampleEvent, type EventEnvelope } from '@salur/contracts';
import type { Delivery } from '../../domain/delivery';
import { breachDedupKey } from '../../domain/paging';
import type { Subscription } from '../../domain/subscription';
import type { DeliveryStore, ReporterRecord, ReporterRecords, SubscriptionReader } from '../ports';
import {
  RecordEventDeliveries,
  SubmissionNotYetSeen,
  type RecordingOptions,
} from './record-event-deliveries.use-case';

class Memory implements DeliveryStore, SubscriptionReader, ReporterRecords {
  deliveries: Delivery[] = [];
  subscriptions: Subscription[] = [];
  records = new Map<string, ReporterRecord>();

  recordAll(deliveries: readonly Delivery[]): Promise<number> {
    this.deliveries.push(...deliveries);
    return Promise.resolve(deliveries.length);
  }
  pagedKeys(keys: readonly string[]): Promise<string[]> {
    return Promise.resolve(
      keys.filter((k) => this.deliveries.some((d) => d.targetKey.startsWith(`${k}:trigger:`))),
    );
  }
  forAgency(agency: string): Promise<Subscription[]> {
    return Promise.resolve(this.subscriptions.filter((s) => s.agency === agency));
  }
  get(id: string): Promise<Subscription | null> {
    return Promise.resolve(this.subscriptions.find((s) => s.subscriptionId === id) ?? null);
  }
  remember(complaintId: string, record: ReporterRecord): Promise<void> {
    if (!this.records.has(complaintId)) this.records.set(complaintId, record);
    return Promise.resolve();
  }
  find(complaintId: string): Promise<ReporterRecord | null> {
    return Promise.resolve(this.records.get(complaintId) ?? null);
  }
}

function subscription(agency: string, eventTypes: string[] = []): Subscription {
  return {
    subscriptionId: crypto.randomUUID(),
    agency,
    url: 'https://sim.example.go.id/hook',
    eventTypes,
    secret: 'whsec_x',
    previousSecret: null,
    previousSecretExpiresAt: null,
    createdAt: new Date(),
  };
}

const allOn: RecordingOptions = {
  reporterChannels: ['email', 'sms'],
  pageTargets: ['pagerduty', 'oncall-webhook'],
  pageWarnings: true,
};

function setup(options: RecordingOptions = allOn) {
  const memory = new Memory();
  const useCase = new RecordEventDeliveries(
    { now: () => new Date('2026-01-05T00:00:00Z') },
    options,
  );
  const run = (event: EventEnvelope) =>
    useCase.execute({ deliveries: memory, subscriptions: memory, reporters: memory }, event);
  return { memory, run };
}

describe('recording the deliveries an event causes', () => {
  it('keeps the reporter contact from the submission and sends the receipt by email', async () => {
    const { memory, run } = setup();
    const submitted = sampleEvent(EventTypes.ComplaintSubmitted);
    const recorded = await run(submitted);
    expect(memory.records.get(submitted.subject)).toMatchObject({ body: submitted.data.body });
    expect(recorded).toEqual([
      expect.objectContaining({
        recipientKind: 'reporter',
        recipient: submitted.subject,
        channel: submitted.data.reporter?.email ? 'email' : 'sms',
        status: 'pending',
        attempts: 0,
      }),
    ]);
    // neither the address nor the number is in the delivery row
    const row = JSON.stringify(recorded);
    if (submitted.data.reporter?.email) expect(row).not.toContain(submitted.data.reporter.email);
    if (submitted.data.reporter?.phone) expect(row).not.toContain(submitted.data.reporter.phone);
  });

  it('sends nothing to a reporter who left no contact, or when no channel is configured', async () => {
    const submitted = sampleEvent(EventTypes.ComplaintSubmitted);
    const anonymous = { ...submitted, data: { ...submitted.data, reporter: undefined } };
    expect(await setup().run(anonymous)).toEqual([]);
    expect(await setup({ ...allOn, reporterChannels: [] }).run(submitted)).toEqual([]);
  });

  it('sends one webhook per matching subscription of the agency holding the complaint', async () => {
    const { memory, run } = setup();
    const all = subscription('pemda-64.71');
    const slaOnly = subscription('pemda-64.71', [EventTypes.SlaBreached]);
    memory.subscriptions.push(all, slaOnly, subscription('pemda-64'));
    const recorded = await run(sampleEvent(EventTypes.ComplaintAcknowledged));
    expect(recorded.map((d) => [d.recipient, d.channel, d.targetKey])).toEqual([
      ['pemda-64.71', 'webhook', all.subscriptionId],
    ]);
  });

  it('sends no webhook for events on the internal intake topic', async () => {
    const { memory, run } = setup({ ...allOn, reporterChannels: [] });
    memory.subscriptions.push(subscription('pemda-64.71'));
    expect(await run(sampleEvent(EventTypes.ComplaintSubmitted))).toEqual([]);
    expect(await run(sampleEvent(EventTypes.ReporterReplied))).toEqual([]);
  });

  it('pages a breach on each target, once per clock, and resolves it when met', async () => {
    const { run } = setup();
    const breached = sampleEvent(EventTypes.SlaBreached);
    const pages = await run(breached);
    expect(pages.map((d) => [d.channel, d.endpoint, d.recipient])).toEqual([
      ['page', 'pagerduty', 'oncall:pemda-64.71'],
      ['page', 'oncall-webhook', 'oncall:pemda-64.71'],
    ]);
    expect(pages[0]?.targetKey).toBe(`${breachDedupKey(breached.data.clockId)}:trigger:pagerduty`);
    const met = sampleEvent(EventTypes.SlaMet, {
      data: { ...sampleEvent(EventTypes.SlaMet).data, clockId: breached.data.clockId },
    });
    const resolved = await run(met);
    expect(resolved.map((d) => d.payload.kind === 'page' && d.payload.page.action)).toEqual([
      'resolve',
      'resolve',
    ]);
  });
});

describe('an event consumed before its submission', () => {
  it('waits for the submission when asked, and goes on without the reporter notice otherwise', async () => {
    const { memory, run } = setup();
    memory.subscriptions.push(subscription('pemda-64.71'));
    const routed = sampleEvent(EventTypes.ComplaintRouted);
    const useCase = new RecordEventDeliveries({ now: () => new Date() }, allOn);
    const scope = { deliveries: memory, subscriptions: memory, reporters: memory };
    await expect(useCase.execute(scope, routed, { waitForSubmission: true })).rejects.toThrow(
      SubmissionNotYetSeen,
    );
    expect(memory.deliveries).toEqual([]);
    const recorded = await run(routed);
    expect(recorded.map((d) => d.recipientKind)).toEqual(['agency']);
  });
});
