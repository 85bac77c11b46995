import type { EventEnvelope, Language } from '@salur/contracts';

export type DeliveryChannel = 'email' | 'sms' | 'webhook' | 'page';
export type RecipientKind = 'reporter' | 'agency' | 'oncall';
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** What the worker needs to send a delivery, fixed when it is recorded. */
export type DeliveryPayload =
  | { readonly kind: 'webhook'; readonly event: EventEnvelope }
  | { readonly kind: 'reporter'; readonly event: EventEnvelope; readonly language: Language }
  | { readonly kind: 'page'; readonly page: PageRequest };

/** An on-call page, in the terms of the PagerDuty Events API v2 (also sent to the generic hook). */
export interface PageRequest {
  readonly action: 'trigger' | 'resolve';
  readonly dedupKey: string;
  readonly severity: 'critical' | 'warning';
  readonly summary: string;
  readonly agency: string | null;
  readonly complaintId: string;
  readonly clockId: string;
  readonly stage: string;
  readonly dueAt: string;
  readonly sourceEventType: string;
}

/**
 * One message to one recipient over one channel, for one event. The (event, recipient, channel,
 * target key) tuple is unique, so a redelivered event never creates a second delivery. The target
 * key tells apart several endpoints of one recipient: the subscription id of an agency webhook,
 * the dedup key of a page.
 */
export interface Delivery {
  readonly deliveryId: string;
  readonly sourceEventId: string;
  readonly eventType: string;
  readonly complaintId: string;
  readonly recipientKind: RecipientKind;
  readonly recipient: string;
  readonly channel: DeliveryChannel;
  readonly targetKey: string;
  /** Deliveries to one endpoint share its concurrency limit and circuit breaker. */
  readonly endpoint: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly lastStatusCode: number | null;
  readonly nextAttemptAt: Date | null;
  readonly deliveredAt: Date | null;
  readonly createdAt: Date;
  readonly payload: DeliveryPayload;
}

type NewDeliveryInput = Pick<
  Delivery,
  | 'deliveryId'
  | 'sourceEventId'
  | 'eventType'
  | 'complaintId'
  | 'recipientKind'
  | 'recipient'
  | 'channel'
  | 'targetKey'
  | 'endpoint'
  | 'payload'
> & { readonly at: Date };

/** A delivery due at once, not yet tried. */
export function newDelivery(input: NewDeliveryInput): Delivery {
  const { at, ...rest } = input;
  return {
    ...rest,
    status: 'pending',
    attempts: 0,
    lastError: null,
    lastStatusCode: null,
    nextAttemptAt: at,
    deliveredAt: null,
    createdAt: at,
  };
}
