import { DeliveryNotFailed, DeliveryNotFound } from '../../domain/notification-errors';
import type { Clock } from '../ports';

export interface RedriveStore {
  /** Moves a failed delivery back to pending, due now, with its tries reset; its status before. */
  redrive(deliveryId: string, now: Date): Promise<'redriven' | 'not_failed' | 'not_found'>;
}

/** `POST /v1/deliveries/{id}/redrive`: a failed delivery gets a fresh round of tries. */
export class RedriveDelivery {
  constructor(
    private readonly store: RedriveStore,
    private readonly clock: Clock,
    private readonly onRedriven: () => void = () => undefined,
  ) {}

  async execute(deliveryId: string): Promise<void> {
    const outcome = await this.store.redrive(deliveryId, this.clock.now());
    if (outcome === 'not_found') {
      throw new DeliveryNotFound(`delivery ${deliveryId} was not found`);
    }
    if (outcome === 'not_failed') {
      throw new DeliveryNotFailed(
        `delivery ${deliveryId} has not failed; only a failed delivery can be redriven`,
      );
    }
    this.onRedriven();
  }
}
