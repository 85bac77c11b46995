import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EventTypes, type ComplaintRoutedData, type EventEnvelope } from '@salur/contracts';
import { OnEvent, type HandlerContext } from '@salur/messaging';
import { RecordAgencyDelivery } from '../application/record-deliveries/record-agency-delivery.use-case';
import { PostgresDeliveryStore } from '../persistence/postgres-delivery-store';

/** Routing's assignments become deliveries to the agencies that now hold the complaints. */
@Controller()
export class ComplaintEventsHandler {
  constructor(private readonly recordAgencyDelivery: RecordAgencyDelivery) {}

  @OnEvent(EventTypes.ComplaintRouted)
  async onRouted(
    @Payload() event: EventEnvelope<ComplaintRoutedData>,
    @Ctx() { tx }: HandlerContext,
  ): Promise<void> {
    await this.recordAgencyDelivery.execute(new PostgresDeliveryStore(tx.manager), {
      eventId: event.id,
      eventType: event.type,
      complaint: event.data.complaint,
    });
  }
}
