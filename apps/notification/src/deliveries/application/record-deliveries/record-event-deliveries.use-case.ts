import { EventTypes, type ComplaintSubmittedData, type EventEnvelope } from '@salur/contracts';
import { randomUUID } from 'node:crypto';
import {
  agencyAudience,
  eventForNotice,
  languageOrDefault,
  reporterChannel,
  reporterNoticeFor,
  type ReporterContact,
} from '../../domain/audience';
import { newDelivery, type Delivery } from '../../domain/delivery';
import { breachDedupKey, oncallRoute, pagesFor, warningDedupKey } from '../../domain/paging';
import { subscriptionWants } from '../../domain/subscription';
import type { Clock, DeliveryStore, ReporterRecords, SubscriptionReader } from '../ports';

/** The stores of the consuming transaction. */
export interface RecordingScope {
  readonly deliveries: DeliveryStore;
  readonly subscriptions: SubscriptionReader;
  readonly reporters: ReporterRecords;
}

export interface RecordingOptions {
  /** Channels that can send reporter notices here (email needs SMTP, SMS a gateway). */
  readonly reporterChannels: readonly ('email' | 'sms')[];
  /** Paging targets configured: PagerDuty Events API v2 and/or a generic JSON webhook. */
  readonly pageTargets: readonly ('pagerduty' | 'oncall-webhook')[];
  readonly pageWarnings: boolean;
}

/**
 * Turns one consumed event into the deliveries it causes, in the transaction that records the
 * event as processed: reporter notices, agency webhooks for matching subscriptions, on-call pages.
 * A submission also leaves the reporter's contact details and the complaint body, sealed.
 */
export class RecordEventDeliveries {
  constructor(
    private readonly clock: Clock,
    private readonly options: RecordingOptions,
  ) {}

  /**
   * `waitForSubmission`: when a reporter notice is due but the submission (with the reporter's
   * contact) has not been consumed yet — the two topics are consumed independently — throw
   * {@link SubmissionNotYetSeen} so the event is retried later, instead of dropping the notice.
   * The caller stops waiting after a few tries, so agency webhooks are delayed, never lost.
   */
  async execute(
    scope: RecordingScope,
    event: EventEnvelope,
    options: { readonly waitForSubmission?: boolean } = {},
  ): Promise<Delivery[]> {
    const at = this.clock.now();
    const deliveries: Delivery[] = [];
    let contact: ReporterContact | null = null;
    let language = languageOrDefault(undefined);

    if (event.type === EventTypes.ComplaintSubmitted) {
      const data = event.data as ComplaintSubmittedData;
      language = languageOrDefault(data.language);
      contact = data.reporter
        ? { name: data.reporter.name, email: data.reporter.email, phone: data.reporter.phone }
        : null;
      await scope.reporters.remember(data.complaintId, { language, contact, body: data.body }, at);
    } else if (reporterNoticeFor(event.type) !== null) {
      const record = await scope.reporters.find(event.subject);
      if (
        !record &&
        options.waitForSubmission === true &&
        this.options.reporterChannels.length > 0
      ) {
        throw new SubmissionNotYetSeen(
          `the submission of complaint ${event.subject} has not been consumed yet`,
        );
      }
      contact = record?.contact ?? null;
      language = record?.language ?? language;
    }

    if (reporterNoticeFor(event.type) !== null && contact) {
      const channel = reporterChannel(contact, this.options.reporterChannels);
      if (channel) {
        deliveries.push(
          newDelivery({
            deliveryId: randomUUID(),
            sourceEventId: event.id,
            eventType: event.type,
            complaintId: event.subject,
            recipientKind: 'reporter',
            recipient: event.subject,
            channel,
            targetKey: '',
            endpoint: channel,
            payload: { kind: 'reporter', event: eventForNotice(event), language },
            at,
          }),
        );
      }
    }

    if (isAgencyFacing(event.type)) {
      for (const agency of agencyAudience(event)) {
        for (const subscription of await scope.subscriptions.forAgency(agency)) {
          if (!subscriptionWants(subscription, event.type)) continue;
          deliveries.push(
            newDelivery({
              deliveryId: randomUUID(),
              sourceEventId: event.id,
              eventType: event.type,
              complaintId: event.subject,
              recipientKind: 'agency',
              recipient: agency,
              channel: 'webhook',
              targetKey: subscription.subscriptionId,
              endpoint: `webhook:${subscription.subscriptionId}`,
              payload: { kind: 'webhook', event },
              at,
            }),
          );
        }
      }
    }

    if (this.options.pageTargets.length > 0 && event.type.startsWith('salur.sla.')) {
      const clockId = (event.data as { clockId?: unknown }).clockId;
      const paged =
        typeof clockId === 'string'
          ? await scope.deliveries.pagedKeys([warningDedupKey(clockId), breachDedupKey(clockId)])
          : [];
      for (const page of pagesFor(event, paged, { pageWarnings: this.options.pageWarnings })) {
        for (const target of this.options.pageTargets) {
          deliveries.push(
            newDelivery({
              deliveryId: randomUUID(),
              sourceEventId: event.id,
              eventType: event.type,
              complaintId: event.subject,
              recipientKind: 'oncall',
              recipient: oncallRoute(page.agency),
              channel: 'page',
              targetKey: `${page.dedupKey}:${page.action}:${target}`,
              endpoint: target,
              payload: { kind: 'page', page },
              at,
            }),
          );
        }
      }
    }

    await scope.deliveries.recordAll(deliveries);
    return deliveries;
  }
}

/** Retriable: the event needs the submission, which is on another topic and not consumed yet. */
export class SubmissionNotYetSeen extends Error {
  override readonly name = 'SubmissionNotYetSeen';
}

/** Events on the agency-facing topics (`salur.complaints.v1`, `salur.sla.v1`). */
export function isAgencyFacing(eventType: string): boolean {
  const intakeTypes: readonly string[] = [
    EventTypes.ComplaintSubmitted,
    EventTypes.ReporterReplied,
    EventTypes.ReporterConfirmed,
    EventTypes.ReporterReopened,
  ];
  return (
    (eventType.startsWith('salur.complaint.') && !intakeTypes.includes(eventType)) ||
    eventType.startsWith('salur.sla.')
  );
}
