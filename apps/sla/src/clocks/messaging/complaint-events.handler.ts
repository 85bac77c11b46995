import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  EventTypes,
  type ComplaintEventData,
  type EventEnvelope,
  type EventType,
} from '@salur/contracts';
import { OnEvent, type HandlerContext } from '@salur/messaging';
import { ApplyComplaintEvent } from '../application/apply-complaint-event/apply-complaint-event.use-case';
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
};

/** Every `salur.complaints.v1` event moves the complaint's clocks. */
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
  )
  async onComplaintEvent(
    @Payload() event: EventEnvelope<ComplaintEventData>,
    @Ctx() { tx }: HandlerContext,
  ): Promise<void> {
    const transition = TRANSITIONS[event.type as EventType];
    if (!transition) return;
    await this.applyComplaintEvent.execute(
      {
        clocks: new PostgresClockStore(tx.manager),
        deadlines: new PostgresClockStore(tx.manager),
        policies: new PostgresPolicySource(tx.manager),
        publish: (...events) => tx.publish(...events),
      },
      { transition, complaint: event.data.complaint },
    );
  }
}
