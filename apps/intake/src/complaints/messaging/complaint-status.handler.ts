import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  eventTypesOf,
  Topics,
  type ComplaintEventData,
  type EventEnvelope,
  type SlaClockData,
} from '@salur/contracts';
import { OnEvent, type HandlerContext } from '@salur/messaging';
import { ProjectComplaintStatus } from '../application/project-status/project-status.use-case';
import { PostgresStatusProjectionStore } from '../persistence/typeorm-intake-transactions';

/**
 * Routing's decisions and the SLA service's deadlines, projected into what a reporter sees: the
 * status, the timeline with the agency's responses, the due date.
 */
@Controller()
export class ComplaintStatusHandler {
  constructor(private readonly project: ProjectComplaintStatus) {}

  @OnEvent(...eventTypesOf(Topics.complaints))
  async onComplaintEvent(
    @Payload() event: EventEnvelope<ComplaintEventData>,
    @Ctx() context: HandlerContext,
  ): Promise<void> {
    await this.project.execute(new PostgresStatusProjectionStore(context.tx.manager), {
      id: event.id,
      type: event.type,
      data: event.data,
    });
  }

  @OnEvent(...eventTypesOf(Topics.sla))
  async onSlaEvent(
    @Payload() event: EventEnvelope<SlaClockData>,
    @Ctx() context: HandlerContext,
  ): Promise<void> {
    await this.project.executeSla(new PostgresStatusProjectionStore(context.tx.manager), event);
  }
}
