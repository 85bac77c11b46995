import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  EventTypes,
  type EventEnvelope,
  type ReporterConfirmedData,
  type ReporterRepliedData,
  type ReporterReopenedData,
} from '@salur/contracts';
import { NonRetriableError, OnEvent, type HandlerContext } from '@salur/messaging';
import { ApplyReporterEvent } from '../application/reporter-events/reporter-events.use-case';
import { IllegalTransition } from '../domain/complaint-case';
import { routingTransaction } from '../persistence/typeorm-routing-transactions';

/** A reporter action the case's state does not allow will not become allowed by retrying. */
async function deadLetterIllegal(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof IllegalTransition) throw new NonRetriableError(error.message);
    throw error;
  }
}

/** What the reporter did, from intake. */
@Controller()
export class ReporterEventsHandler {
  constructor(private readonly apply: ApplyReporterEvent) {}

  @OnEvent(EventTypes.ReporterReplied)
  async onReplied(
    @Payload() event: EventEnvelope<ReporterRepliedData>,
    @Ctx() { tx }: HandlerContext,
  ): Promise<void> {
    await this.apply.replied(routingTransaction(tx), event.data);
  }

  @OnEvent(EventTypes.ReporterConfirmed)
  async onConfirmed(
    @Payload() event: EventEnvelope<ReporterConfirmedData>,
    @Ctx() { tx }: HandlerContext,
  ): Promise<void> {
    await deadLetterIllegal(() => this.apply.confirmed(routingTransaction(tx), event.data));
  }

  @OnEvent(EventTypes.ReporterReopened)
  async onReopened(
    @Payload() event: EventEnvelope<ReporterReopenedData>,
    @Ctx() { tx }: HandlerContext,
  ): Promise<void> {
    await deadLetterIllegal(() => this.apply.reopened(routingTransaction(tx), event.data));
  }
}
