import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EventTypes, type ComplaintRoutedData, type EventEnvelope } from '@salur/contracts';
import { OnEvent, type HandlerContext } from '@salur/messaging';
import { StartFollowUpClock } from '../application/start-clock/start-follow-up-clock.use-case';
import { PostgresClockStore } from '../persistence/postgres-clock-store';

/** Assignments of complaints to agencies start those agencies' follow-up clocks. */
@Controller()
export class AssignmentsHandler {
  constructor(private readonly startFollowUpClock: StartFollowUpClock) {}

  @OnEvent(EventTypes.ComplaintRouted)
  async onRouted(
    @Payload() event: EventEnvelope<ComplaintRoutedData>,
    @Ctx() { tx }: HandlerContext,
  ): Promise<void> {
    await this.startFollowUpClock.execute(
      {
        clocks: new PostgresClockStore(tx.manager),
        publish: async (e) => {
          await tx.publish(e);
        },
      },
      { complaint: event.data.complaint, assignedAt: new Date(event.time) },
    );
  }
}
