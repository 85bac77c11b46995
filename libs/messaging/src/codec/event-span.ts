import { SpanKind, type Attributes, type SpanOptions } from '@opentelemetry/api';
import { COMPLAINT_ID_ATTRIBUTE } from '@salur/platform';

/**
 * Span names and attributes of the messaging seams, after the OpenTelemetry semantic conventions
 * for messaging (`{operation} {destination}`, `messaging.*`) and for CloudEvents
 * (`cloudevents.event_*`), plus the complaint the event is about.
 */
export interface EventSpanSubject {
  readonly topic: string;
  readonly type: string;
  readonly id?: string;
  readonly subject?: string;
}

/** The producer span of an event written to the outbox: it is the event's `traceparent`. */
export function producerSpan(event: EventSpanSubject): { name: string; options: SpanOptions } {
  return {
    name: `create ${event.topic}`,
    options: {
      kind: SpanKind.PRODUCER,
      attributes: { ...eventAttributes(event), 'messaging.operation.type': 'create' },
    },
  };
}

/** The consumer span of an event one consumer group handles, a child of its producer span. */
export function consumerSpan(
  event: EventSpanSubject,
  groupId: string,
): { name: string; options: SpanOptions } {
  return {
    name: `process ${event.topic}`,
    options: {
      kind: SpanKind.CONSUMER,
      attributes: {
        ...eventAttributes(event),
        'messaging.operation.type': 'process',
        'messaging.consumer.group.name': groupId,
      },
    },
  };
}

export function eventAttributes(event: EventSpanSubject): Attributes {
  return {
    'messaging.system': 'kafka',
    'messaging.destination.name': event.topic,
    'cloudevents.event_type': event.type,
    ...(event.id !== undefined
      ? { 'messaging.message.id': event.id, 'cloudevents.event_id': event.id }
      : {}),
    ...(event.subject !== undefined
      ? { 'cloudevents.event_subject': event.subject, [COMPLAINT_ID_ATTRIBUTE]: event.subject }
      : {}),
  };
}
