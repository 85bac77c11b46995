import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EventTypes, type ComplaintSubmittedData, type EventEnvelope } from '@salur/contracts';
import { OnEvent, type HandlerContext } from '@salur/messaging';
import { RouteSubmission } from '../application/route-submission/route-submission.use-case';
import { PostgresCaseStore } from '../persistence/postgres-case-store';

/** New submissions from intake. */
@Controller()
export class SubmissionsHandler {
  constructor(private readonly routeSubmission: RouteSubmission) {}

  @OnEvent(EventTypes.ComplaintSubmitted)
  async onSubmitted(
    @Payload() event: EventEnvelope<ComplaintSubmittedData>,
    @Ctx() { tx }: HandlerContext,
  ): Promise<void> {
    await this.routeSubmission.execute(
      {
        cases: new PostgresCaseStore(tx.manager),
        publish: async (e) => {
          await tx.publish(e);
        },
      },
      { submission: event.data },
    );
  }
}
