export type DeliveryChannel = 'email' | 'sms' | 'webhook' | 'page';
export type RecipientKind = 'reporter' | 'agency' | 'oncall';
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One message to one recipient over one channel, for one event. The (event, recipient, channel)
 * triple is unique, so a redelivered event never creates a second delivery.
 */
export interface Delivery {
  readonly deliveryId: string;
  readonly sourceEventId: string;
  readonly eventType: string;
  readonly complaintId: string;
  readonly recipientKind: RecipientKind;
  readonly recipient: string;
  readonly channel: DeliveryChannel;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly nextAttemptAt: Date | null;
  readonly createdAt: Date;
}

/** The agency now holding a complaint is told through its webhook. */
export function agencyDelivery(input: {
  deliveryId: string;
  sourceEventId: string;
  eventType: string;
  complaintId: string;
  agency: string;
  at: Date;
}): Delivery {
  return {
    deliveryId: input.deliveryId,
    sourceEventId: input.sourceEventId,
    eventType: input.eventType,
    complaintId: input.complaintId,
    recipientKind: 'agency',
    recipient: input.agency,
    channel: 'webhook',
    status: 'pending',
    attempts: 0,
    lastError: null,
    nextAttemptAt: input.at,
    createdAt: input.at,
  };
}
