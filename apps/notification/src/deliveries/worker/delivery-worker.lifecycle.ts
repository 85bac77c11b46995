import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { counter } from '@salur/platform';
import { DeliveryWorker } from '../application/deliver/delivery-worker';

export const DELIVERY_WORKER = Symbol('DELIVERY_WORKER');
export const WORKER_SETTINGS = Symbol('WORKER_SETTINGS');

export interface WorkerSettings {
  readonly enabled: boolean;
}

export const deliveryOutcomes = counter({
  name: 'notification_delivery_tries_total',
  help: 'Delivery tries by channel and outcome',
  labelNames: ['channel', 'outcome'],
});

/** Runs the delivery worker from application start to shutdown. */
@Injectable()
export class DeliveryWorkerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(DELIVERY_WORKER) private readonly worker: DeliveryWorker,
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.enabled) this.worker.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  wake(): void {
    this.worker.wake();
  }
}
