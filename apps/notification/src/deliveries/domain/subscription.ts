/**
 * An agency's webhook subscription: where its complaints' events go, which of them, and the
 * secrets they are signed with. During a rotation the previous secret stays valid until
 * `previousSecretExpiresAt`, and every delivery is signed with both.
 */
export interface Subscription {
  readonly subscriptionId: string;
  readonly agency: string;
  readonly url: string;
  /** Event types wanted; empty means all of them. */
  readonly eventTypes: readonly string[];
  readonly secret: string;
  readonly previousSecret: string | null;
  readonly previousSecretExpiresAt: Date | null;
  readonly createdAt: Date;
}

export function subscriptionWants(subscription: Subscription, eventType: string): boolean {
  return subscription.eventTypes.length === 0 || subscription.eventTypes.includes(eventType);
}

/** The secrets a delivery at `now` is signed with: the current one, and the previous while valid. */
export function signingSecrets(subscription: Subscription, now: Date): string[] {
  const secrets = [subscription.secret];
  if (
    subscription.previousSecret !== null &&
    subscription.previousSecretExpiresAt !== null &&
    subscription.previousSecretExpiresAt.getTime() > now.getTime()
  ) {
    secrets.push(subscription.previousSecret);
  }
  return secrets;
}

/** A rotation: the new secret signs from now on, the current one keeps signing for `overlapMs`. */
export function rotateSecret(
  subscription: Subscription,
  newSecret: string,
  now: Date,
  overlapMs: number,
): Subscription {
  return {
    ...subscription,
    secret: newSecret,
    previousSecret: subscription.secret,
    previousSecretExpiresAt: new Date(now.getTime() + overlapMs),
  };
}
