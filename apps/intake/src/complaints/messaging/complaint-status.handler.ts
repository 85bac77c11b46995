import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  eventTypesOf,
  Topics,
  type ComplaintEventData,
  type EventEnvelope,
} from '@salur/contracts';
import { OnEvent, type HandlerContext } from '@salur/messaging';
import { ProjectComplaintStatus } from '../application/project-status/project-status.use-case';
import { PostgresStatusProjectionStore } from '../persistence/typeorm-intake-transactions';

/** Routing's decisions, projected into the status a reporter sees. */
@Controller()
export class ComplaintStatusHandler {
  constructor(private readonly project: ProjectComplaintStatus) {}

  @OnEvent(...eventTypesOf(Topics.complaints))
  async onComplaintEvent(
    @Payload() event: EventEnvelope<ComplaintEventData>,
    @Ctx() context: HandlerContext,
  ): Promise<void> {
    await this.project.execute(
      new PostgresStatusProjectionStore(context.tx.manager),
      event.data.complaint,
    );
  }
}
