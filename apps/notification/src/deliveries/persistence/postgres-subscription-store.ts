import { forgetInTransaction, oncePerTransaction } from '@salur/messaging';
import type { EntityManager } from 'typeorm';
import type { SubscriptionStore } from '../application/ports';
import type { Subscription } from '../domain/subscription';
import type { SecretBox } from './aes-secret-box';
import { SubscriptionEntity } from './subscription.entity';

/** Memo keys of an agency's subscriptions within one transaction: the prefix, then the agency. */
const MEMO_PREFIX = 'notification.subscriptions:';

/** Subscriptions with their secrets sealed at rest. */
export class PostgresSubscriptionStore implements SubscriptionStore {
  constructor(
    private readonly manager: EntityManager,
    private readonly box: SecretBox,
  ) {}

  /**
   * Read (and the secrets opened) once per transaction: the events of a consumed batch about one
   * agency share one read.
   */
  forAgency(agency: string): Promise<Subscription[]> {
    return oncePerTransaction(this.manager, `${MEMO_PREFIX}${agency}`, async () => {
      const rows = await this.manager.find(SubscriptionEntity, {
        where: { agency },
        order: { createdAt: 'ASC' },
      });
      return rows.map((r) => this.toSubscription(r));
    });
  }

  async list(agency: string | null): Promise<Subscription[]> {
    const rows = await this.manager.find(SubscriptionEntity, {
      where: agency === null ? {} : { agency },
      order: { createdAt: 'ASC' },
    });
    return rows.map((r) => this.toSubscription(r));
  }

  async get(subscriptionId: string): Promise<Subscription | null> {
    const row = await this.manager.findOne(SubscriptionEntity, { where: { subscriptionId } });
    return row ? this.toSubscription(row) : null;
  }

  async save(s: Subscription): Promise<void> {
    forgetInTransaction(this.manager, MEMO_PREFIX);
    await this.manager.save(SubscriptionEntity, {
      subscriptionId: s.subscriptionId,
      agency: s.agency,
      url: s.url,
      eventTypes: [...s.eventTypes],
      secretSealed: this.box.seal(s.secret),
      previousSecretSealed: s.previousSecret === null ? null : this.box.seal(s.previousSecret),
      previousSecretExpiresAt: s.previousSecretExpiresAt,
      createdAt: s.createdAt,
    });
  }

  async delete(subscriptionId: string): Promise<boolean> {
    forgetInTransaction(this.manager, MEMO_PREFIX);
    const result = await this.manager.delete(SubscriptionEntity, { subscriptionId });
    return (result.affected ?? 0) > 0;
  }

  private toSubscription(r: SubscriptionEntity): Subscription {
    return {
      subscriptionId: r.subscriptionId,
      agency: r.agency,
      url: r.url,
      eventTypes: r.eventTypes,
      secret: this.box.open(r.secretSealed),
      previousSecret:
        r.previousSecretSealed === null ? null : this.box.open(r.previousSecretSealed),
      previousSecretExpiresAt: r.previousSecretExpiresAt,
      createdAt: r.createdAt,
    };
  }
}
