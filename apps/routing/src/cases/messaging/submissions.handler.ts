import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EventTypes, type ComplaintSubmittedData, type EventEnvelope } from '@salur/contracts';
import { OnEvent, type HandlerContext } from '@salur/messaging';
import { ReceiveSubmission } from '../application/receive-submission/receive-submission.use-case';
import { routingTransaction } from '../persistence/typeorm-routing-transactions';

/** New submissions from intake. */
@Controller()
export class SubmissionsHandler {
  constructor(private readonly receiveSubmission: ReceiveSubmission) {}

  @OnEvent(EventTypes.ComplaintSubmitted)
  async onSubmitted(
    @Payload() event: EventEnvelope<ComplaintSubmittedData>,
    @Ctx() { tx }: HandlerContext,
  ): Promise<void> {
    await this.receiveSubmission.execute(routingTransaction(tx), event.data);
  }
}
