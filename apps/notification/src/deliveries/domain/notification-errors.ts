import { DomainError } from '@salur/platform';

export class DeliveryNotFound extends DomainError {
  readonly code = 'DeliveryNotFound';
}

/** Only a failed delivery can be redriven; a pending one is still being tried. */
export class DeliveryNotFailed extends DomainError {
  readonly code = 'DeliveryNotFailed';
}

export class SubscriptionNotFound extends DomainError {
  readonly code = 'SubscriptionNotFound';
}

/** A webhook URL that is not http(s), or whose host is private, loopback or link-local. */
export class WebhookTargetRefused extends DomainError {
  readonly code = 'WebhookTargetRefused';
}

export const NOTIFICATION_PROBLEMS = {
  DeliveryNotFound: 404,
  DeliveryNotFailed: 409,
  SubscriptionNotFound: 404,
  WebhookTargetRefused: 400,
} as const;
