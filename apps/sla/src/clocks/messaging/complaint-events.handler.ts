import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  EventTypes,
  type ComplaintEventData,
  type ComplaintSubmittedData,
  type EventEnvelope,
  type EventType,
} from '@salur/contracts';
import { OnEvent, type HandlerContext } from '@salur/messaging';
import { ApplyComplaintEvent } from '../application/apply-complaint-event/apply-complaint-event.use-case';
import type { SlaTransaction } from '../application/ports';
import type { ComplaintTransition } from '../domain/clock-transitions';
import { PostgresClockStore } from '../persistence/postgres-clock-store';
import { PostgresPolicySource } from '../persistence/postgres-policy-source';

const TRANSITIONS: Partial<Record<EventType, ComplaintTransition>> = {
  [EventTypes.ComplaintVerified]: 'verified',
  [EventTypes.ComplaintRejected]: 'rejected',
  [EventTypes.ComplaintRouted]: 'routed',
  [EventTypes.ComplaintAcknowledged]: 'acknowledged',
  [EventTypes.ComplaintInfoRequested]: 'info_requested',
  [EventTypes.ComplaintResponded]: 'responded',
  [EventTypes.ComplaintForwarded]: 'forwarded',
  [EventTypes.ComplaintEscalated]: 'escalated',
  [EventTypes.ComplaintClosed]: 'closed',
  [EventTypes.ComplaintReopened]: 'reopened',
  [EventTypes.ComplaintInfoReceived]: 'info_received',
  [EventTypes.ComplaintExtensionGranted]: 'extension_granted',
};

function slaTransaction(tx: HandlerContext['tx']): SlaTransaction {
  return {
    clocks: new PostgresClockStore(tx.manager),
    deadlines: new PostgresClockStore(tx.manager),
    policies: new PostgresPolicySource(tx.manager),
    publish: (...events) => tx.publish(...events),
  };
}

/**
 * Every `salur.complaints.v1` event, and a submission on `salur.intake.v1`, moves the complaint's
 * clocks.
 */
@Controller()
export class ComplaintEventsHandler {
  constructor(private readonly applyComplaintEvent: ApplyComplaintEvent) {}

  @OnEvent(
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
  )
  async onComplaintEvent(
    @Payload() event: EventEnvelope<ComplaintEventData>,
    @Ctx() { tx }: HandlerContext,
  ): Promise<void> {
    const transition = TRANSITIONS[event.type as EventType];
    if (!transition) return;
    await this.applyComplaintEvent.execute(slaTransaction(tx), {
      transition,
      complaint: event.data.complaint,
    });
  }

  /**
   * A submission on `salur.intake.v1` starts the verification and resolution clocks. Only the
   * fields below are read: the reporter's identity and text are neither stored nor logged.
   */
  @OnEvent(EventTypes.ComplaintSubmitted)
  async onComplaintSubmitted(
    @Payload() event: EventEnvelope<ComplaintSubmittedData>,
    @Ctx() { tx }: HandlerContext,
  ): Promise<void> {
    const { complaintId, type, category, location, submittedAt } = event.data;
    await this.applyComplaintEvent.startSubmission(slaTransaction(tx), {
      complaintId,
      type,
      category: category ?? null,
      regionCode: location.regionCode,
      submittedAt,
    });
  }
}
