import type { EventDataMap } from './catalogue';
import type { EventEnvelope } from './envelope';
import type { EventType } from './event-types';
import {
  EventValidationError,
  validateEnvelope,
  validateEventData,
  type ValidationIssue,
} from './validation';

/** A validated event: switching on `type` narrows `data` to that type's data. */
export type SalurEvent<T extends EventType = EventType> = {
  [K in T]: EventEnvelope<EventDataMap[K], K>;
}[T];

/**
 * The envelope attributes an event's data determines: `subject` (the complaint id, also the Kafka
 * key), `agency` (the current agency, where there is one) and `region` (the complaint's location,
 * where the data has it). Producers spread this into their `NewEvent`, so `ce_agency`, which
 * agency consumers filter on, always agrees with the data.
 */
export interface DerivedEnvelopeAttributes {
  readonly subject: string;
  readonly agency?: string;
  readonly region?: string;
}

/** For each of agency and region: a value it must have, null if it must be absent, undefined if the data does not say. */
interface ExpectedAttributes {
  readonly subject: string;
  readonly agency: string | null | undefined;
  readonly region: string | null | undefined;
}

function expectedAttributes(data: EventDataMap[EventType]): ExpectedAttributes {
  if ('complaint' in data) {
    const { complaint } = data;
    return {
      subject: complaint.complaintId,
      agency: complaint.agency,
      region: complaint.regionCode,
    };
  }
  if ('clockId' in data) {
    return { subject: data.complaintId, agency: data.agency, region: data.regionCode };
  }
  if ('deliveryId' in data) {
    // The agency a delivery went to; deliveries to reporters and on-call carry no agency.
    return { subject: data.complaintId, agency: data.recipientAgency ?? null, region: undefined };
  }
  if ('location' in data) {
    // Not yet routed: no agency (the reporter's targetAgency is a wish, not an assignment).
    return { subject: data.complaintId, agency: null, region: data.location.regionCode };
  }
  // Reporter actions: intake may add what it knows.
  return { subject: data.complaintId, agency: undefined, region: undefined };
}

export function envelopeAttributesOf<T extends EventType>(
  _type: T,
  data: EventDataMap[T],
): DerivedEnvelopeAttributes {
  const expected = expectedAttributes(data);
  return {
    subject: expected.subject,
    ...(typeof expected.agency === 'string' ? { agency: expected.agency } : {}),
    ...(typeof expected.region === 'string' ? { region: expected.region } : {}),
  };
}

/**
 * Validates a whole event: its attributes, its data, and that the attributes agree with the data
 * (subject is the complaint id; agency and region as {@link envelopeAttributesOf} derives them).
 * Returns the event with `data` as an instance of its payload class.
 */
export function validateEvent(envelope: unknown): SalurEvent {
  validateEnvelope(envelope);
  const { data } = envelope as { data?: unknown };
  const valid = validateEventData(envelope.type, data);
  const expected = expectedAttributes(valid);
  const issues: ValidationIssue[] = [];
  if (envelope.subject !== expected.subject) {
    issues.push({
      path: 'subject',
      message: `subject must be the complaint id ${expected.subject}`,
    });
  }
  for (const attribute of ['agency', 'region'] as const) {
    const want = expected[attribute];
    const have = envelope[attribute];
    if (want === null && have !== undefined) {
      issues.push({
        path: attribute,
        message: `${attribute} must be absent for this event's data`,
      });
    } else if (typeof want === 'string' && have !== want) {
      issues.push({ path: attribute, message: `${attribute} must be ${want}, as in the data` });
    }
  }
  if (issues.length > 0) throw new EventValidationError('event envelope', issues);
  return { ...envelope, data: valid } as SalurEvent;
}
