import type { DeliverySender, SendResult } from '../application/deliver/ports';
import type { Delivery } from '../domain/delivery';
import type { PagerSender } from './pager-sender';
import type { ReporterSender } from './reporter-sender';
import type { WebhookSender } from './webhook-sender';

/** Sends each delivery through the adapter of its channel. */
export class ChannelSender implements DeliverySender {
  constructor(
    private readonly webhooks: WebhookSender,
    private readonly reporters: ReporterSender,
    private readonly pager: PagerSender,
  ) {}

  send(delivery: Delivery): Promise<SendResult> {
    switch (delivery.channel) {
      case 'webhook':
        return this.webhooks.send(delivery);
      case 'email':
      case 'sms':
        return this.reporters.send(delivery);
      case 'page':
        return this.pager.send(delivery);
    }
  }
}
