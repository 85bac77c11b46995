import { randomBytes, randomUUID } from 'node:crypto';
import { SubscriptionNotFound, WebhookTargetRefused } from '../../domain/notification-errors';
import { rotateSecret, type Subscription } from '../../domain/subscription';
import { checkWebhookTarget } from '../../domain/webhook-target';
import type { Clock, SubscriptionStore } from '../ports';

export interface CreateSubscriptionCommand {
  readonly agency: string;
  readonly url: string;
  readonly eventTypes: readonly string[];
  /** A `whsec_`-prefixed base64 secret; generated when absent. */
  readonly secret?: string;
}

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function generateSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * Agency webhook subscriptions: create (the URL checked against the SSRF rules first), list,
 * rotate the secret (the previous one keeps signing during the overlap), delete.
 */
export class ManageSubscriptions {
  constructor(
    private readonly store: SubscriptionStore,
    private readonly clock: Clock,
    private readonly options: {
      readonly allowedHosts: readonly string[];
      readonly rotationOverlapMs: number;
    },
  ) {}

  async create(command: CreateSubscriptionCommand): Promise<Subscription> {
    const check = checkWebhookTarget(command.url, this.options.allowedHosts);
    if (!check.ok) {
      throw new WebhookTargetRefused(`the webhook URL is refused: ${check.reason}`);
    }
    const subscription: Subscription = {
      subscriptionId: randomUUID(),
      agency: command.agency,
      url: command.url,
      eventTypes: [...new Set(command.eventTypes)],
      secret: command.secret ?? generateSecret(),
      previousSecret: null,
      previousSecretExpiresAt: null,
      createdAt: this.clock.now(),
    };
    await this.store.save(subscription);
    return subscription;
  }

  list(agency: string | null): Promise<Subscription[]> {
    return this.store.list(agency);
  }

  /** The subscription if it exists and `visible` says the caller may see it; 404 otherwise. */
  async get(subscriptionId: string, visible: (s: Subscription) => boolean): Promise<Subscription> {
    const subscription = await this.store.get(subscriptionId);
    if (!subscription || !visible(subscription)) {
      throw new SubscriptionNotFound(`subscription ${subscriptionId} was not found`);
    }
    return subscription;
  }

  async rotate(
    subscriptionId: string,
    visible: (s: Subscription) => boolean,
    newSecret?: string,
  ): Promise<Subscription> {
    const current = await this.get(subscriptionId, visible);
    const rotated = rotateSecret(
      current,
      newSecret ?? generateSecret(),
      this.clock.now(),
      this.options.rotationOverlapMs,
    );
    await this.store.save(rotated);
    return rotated;
  }

  async delete(subscriptionId: string, visible: (s: Subscription) => boolean): Promise<void> {
    await this.get(subscriptionId, visible);
    await this.store.delete(subscriptionId);
  }
}
