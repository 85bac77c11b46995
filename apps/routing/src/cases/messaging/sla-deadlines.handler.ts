import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EventTypes, type EventEnvelope, type SlaClockData } from '@salur/contracts';
import { OnEvent, type HandlerContext } from '@salur/messaging';
import { RecordDeadline } from '../application/record-deadline/record-deadline.use-case';
import type { SlaClockEventKind } from '../domain/follow-up-deadline';
import { routingTransaction } from '../persistence/typeorm-routing-transactions';

const KINDS: Readonly<Partial<Record<string, SlaClockEventKind>>> = {
  [EventTypes.SlaStarted]: 'started',
  [EventTypes.SlaPaused]: 'paused',
  [EventTypes.SlaResumed]: 'resumed',
  [EventTypes.SlaWarning]: 'warning',
  [EventTypes.SlaBreached]: 'breached',
  [EventTypes.SlaMet]: 'met',
};

/** Follow-up clock events from the SLA service, for the agency queue's due dates and SLA states. */
@Controller()
export class SlaDeadlinesHandler {
  constructor(private readonly recordDeadline: RecordDeadline) {}

  @OnEvent(
    EventTypes.SlaStarted,
    EventTypes.SlaPaused,
    EventTypes.SlaResumed,
    EventTypes.SlaWarning,
    EventTypes.SlaBreached,
    EventTypes.SlaMet,
  )
  async onClockEvent(
    @Payload() event: EventEnvelope<SlaClockData>,
    @Ctx() { tx }: HandlerContext,
  ): Promise<void> {
    const kind = KINDS[event.type];
    if (event.data.stage !== 'follow_up' || kind === undefined) return;
    await this.recordDeadline.execute(routingTransaction(tx), {
      kind,
      complaintId: event.data.complaintId,
      clockId: event.data.clockId,
      agency: event.data.agency,
      startedAt: new Date(event.data.startedAt),
      dueAt: new Date(event.data.dueAt),
    });
  }
}
