import { EventPattern } from '@nestjs/microservices';
import type { EventType } from '@salur/contracts';

/**
 * Marks a controller method as the handler of these Salur event types:
 * `@OnEvent(EventTypes.ComplaintRouted) handle(@Payload() e: EventEnvelope<...>, @Ctx() ctx: HandlerContext)`.
 * The transport subscribes the service's group to the topics they are published on.
 */
export function OnEvent(...types: readonly EventType[]): MethodDecorator {
  if (types.length === 0) throw new Error('@OnEvent needs at least one event type');
  return EventPattern<string[]>([...types]);
}
