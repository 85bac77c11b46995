import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  EventTypes,
  type EventEnvelope,
  type SlaAutoCloseDueData,
  type SlaEscalationRequestedData,
} from '@salur/contracts';
import { OnEvent, type HandlerContext } from '@salur/messaging';
import { ApplySlaRequest } from '../application/sla-requests/sla-requests.use-case';
import { routingTransaction } from '../persistence/typeorm-routing-transactions';

/** Escalation and auto-close requests from the SLA service. */
@Controller()
export class SlaRequestsHandler {
  constructor(private readonly apply: ApplySlaRequest) {}

  @OnEvent(EventTypes.SlaEscalationRequested)
  async onEscalationRequested(
    @Payload() event: EventEnvelope<SlaEscalationRequestedData>,
    @Ctx() { tx }: HandlerContext,
  ): Promise<void> {
    await this.apply.escalationRequested(routingTransaction(tx), event.data);
  }

  @OnEvent(EventTypes.SlaAutoCloseDue)
  async onAutoCloseDue(
    @Payload() event: EventEnvelope<SlaAutoCloseDueData>,
    @Ctx() { tx }: HandlerContext,
  ): Promise<void> {
    await this.apply.autoCloseDue(routingTransaction(tx), event.data);
  }
}
