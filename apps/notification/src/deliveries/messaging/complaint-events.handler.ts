import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EventTypes, type EventEnvelope } from '@salur/contracts';
import { OnEvent, type HandlerContext } from '@salur/messaging';
import { RecordEventDeliveries } from '../application/record-deliveries/record-event-deliveries.use-case';
import { SECRET_BOX, type SecretBox } from '../persistence/aes-secret-box';
import { PostgresDeliveryStore } from '../persistence/postgres-delivery-store';
import { PostgresReporterRecords } from '../persistence/postgres-reporter-records';
import { PostgresSubscriptionStore } from '../persistence/postgres-subscription-store';
import { DeliveryWorkerLifecycle } from '../worker/delivery-worker.lifecycle';

/** Tries during which an event waits for its submission before going on without reporter notices. */
const WAIT_FOR_SUBMISSION_TRIES = 3;

/**
 * Submissions (reporter contacts and receipts), routing's decisions and SLA deadlines become
 * deliveries, recorded in the transaction that records the event as processed.
 */
@Controller()
export class ComplaintEventsHandler {
  constructor(
    private readonly recordDeliveries: RecordEventDeliveries,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    private readonly worker: DeliveryWorkerLifecycle,
  ) {}

  @OnEvent(
    EventTypes.ComplaintSubmitted,
    EventTypes.ComplaintVerified,
    EventTypes.ComplaintRejected,
    EventTypes.ComplaintRouted,
    EventTypes.ComplaintAcknowledged,
    EventTypes.ComplaintInfoRequested,
    EventTypes.ComplaintResponded,
    EventTypes.ComplaintForwarded,
    EventTypes.ComplaintEscalated,
    EventTypes.ComplaintClosed,
    EventTypes.ComplaintReopened,
    EventTypes.ComplaintInfoReceived,
    EventTypes.ComplaintExtensionGranted,
    EventTypes.SlaStarted,
    EventTypes.SlaPaused,
    EventTypes.SlaResumed,
    EventTypes.SlaWarning,
    EventTypes.SlaBreached,
    EventTypes.SlaMet,
    EventTypes.SlaEscalationRequested,
    EventTypes.SlaAutoCloseDue,
  )
  async onEvent(
    @Payload() event: EventEnvelope,
    @Ctx() { tx, attempt }: HandlerContext,
  ): Promise<void> {
    const recorded = await this.recordDeliveries.execute(
      {
        deliveries: new PostgresDeliveryStore(tx.manager),
        subscriptions: new PostgresSubscriptionStore(tx.manager, this.box),
        reporters: new PostgresReporterRecords(tx.manager, this.box),
      },
      event,
      // wait (through the retry topic) a few seconds for a submission consumed out of order
      { waitForSubmission: attempt < WAIT_FOR_SUBMISSION_TRIES },
    );
    if (recorded.length > 0)
      setTimeout(() => {
        this.worker.wake();
      }, 50).unref();
  }
}
