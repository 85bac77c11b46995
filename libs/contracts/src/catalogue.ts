import { EVENT_TYPE_LIST, EventTypes, isEventType, type EventType } from './event-types';
import {
  ComplaintAcknowledgedPayload,
  type ComplaintAcknowledgedData,
  ComplaintClosedPayload,
  type ComplaintClosedData,
  ComplaintEscalatedPayload,
  type ComplaintEscalatedData,
  ComplaintExtensionGrantedPayload,
  type ComplaintExtensionGrantedData,
  ComplaintForwardedPayload,
  type ComplaintForwardedData,
  ComplaintInfoReceivedPayload,
  type ComplaintInfoReceivedData,
  ComplaintInfoRequestedPayload,
  type ComplaintInfoRequestedData,
  ComplaintRejectedPayload,
  type ComplaintRejectedData,
  ComplaintReopenedPayload,
  type ComplaintReopenedData,
  ComplaintRespondedPayload,
  type ComplaintRespondedData,
  ComplaintRoutedPayload,
  type ComplaintRoutedData,
  ComplaintVerifiedPayload,
  type ComplaintVerifiedData,
} from './payloads/complaints.payloads';
import type { PayloadClass } from './payloads/field-decorators';
import {
  ComplaintSubmittedPayload,
  type ComplaintSubmittedData,
  ReporterConfirmedPayload,
  type ReporterConfirmedData,
  ReporterRepliedPayload,
  type ReporterRepliedData,
  ReporterReopenedPayload,
  type ReporterReopenedData,
} from './payloads/intake.payloads';
import {
  NotificationDeliveredPayload,
  type NotificationDeliveredData,
  NotificationFailedPayload,
  type NotificationFailedData,
} from './payloads/notifications.payloads';
import {
  SlaAutoCloseDuePayload,
  type SlaAutoCloseDueData,
  SlaBreachedPayload,
  type SlaBreachedData,
  SlaEscalationRequestedPayload,
  type SlaEscalationRequestedData,
  SlaMetPayload,
  type SlaMetData,
  SlaPausedPayload,
  type SlaPausedData,
  SlaResumedPayload,
  type SlaResumedData,
  SlaStartedPayload,
  type SlaStartedData,
  SlaWarningPayload,
  type SlaWarningData,
} from './payloads/sla.payloads';
import { Topics, type TopicName } from './topics';
import type { Producer } from './vocabulary';

/** The `data` of each event type. */
export interface EventDataMap {
  [EventTypes.ComplaintSubmitted]: ComplaintSubmittedData;
  [EventTypes.ReporterReplied]: ReporterRepliedData;
  [EventTypes.ReporterConfirmed]: ReporterConfirmedData;
  [EventTypes.ReporterReopened]: ReporterReopenedData;
  [EventTypes.ComplaintVerified]: ComplaintVerifiedData;
  [EventTypes.ComplaintRejected]: ComplaintRejectedData;
  [EventTypes.ComplaintRouted]: ComplaintRoutedData;
  [EventTypes.ComplaintAcknowledged]: ComplaintAcknowledgedData;
  [EventTypes.ComplaintInfoRequested]: ComplaintInfoRequestedData;
  [EventTypes.ComplaintResponded]: ComplaintRespondedData;
  [EventTypes.ComplaintForwarded]: ComplaintForwardedData;
  [EventTypes.ComplaintEscalated]: ComplaintEscalatedData;
  [EventTypes.ComplaintClosed]: ComplaintClosedData;
  [EventTypes.ComplaintReopened]: ComplaintReopenedData;
  [EventTypes.ComplaintInfoReceived]: ComplaintInfoReceivedData;
  [EventTypes.ComplaintExtensionGranted]: ComplaintExtensionGrantedData;
  [EventTypes.SlaStarted]: SlaStartedData;
  [EventTypes.SlaPaused]: SlaPausedData;
  [EventTypes.SlaResumed]: SlaResumedData;
  [EventTypes.SlaWarning]: SlaWarningData;
  [EventTypes.SlaBreached]: SlaBreachedData;
  [EventTypes.SlaMet]: SlaMetData;
  [EventTypes.SlaEscalationRequested]: SlaEscalationRequestedData;
  [EventTypes.SlaAutoCloseDue]: SlaAutoCloseDueData;
  [EventTypes.NotificationDelivered]: NotificationDeliveredData;
  [EventTypes.NotificationFailed]: NotificationFailedData;
}

export interface EventCatalogueEntry<T extends EventType = EventType> {
  readonly type: T;
  readonly topic: TopicName;
  readonly dataClass: PayloadClass<EventDataMap[T]>;
  /** The only service that publishes this type. */
  readonly producer: Producer;
  readonly description: string;
}

const catalogue = {
  [EventTypes.ComplaintSubmitted]: {
    type: EventTypes.ComplaintSubmitted,
    topic: Topics.intake,
    dataClass: ComplaintSubmittedPayload,
    producer: 'intake',
    description:
      'A reporter submitted a complaint, aspiration or information request through any channel. Carries the reporter identity they gave (internal topic only).',
  },
  [EventTypes.ReporterReplied]: {
    type: EventTypes.ReporterReplied,
    topic: Topics.intake,
    dataClass: ReporterRepliedPayload,
    producer: 'intake',
    description: "The reporter replied, typically to an agency's request for information.",
  },
  [EventTypes.ReporterConfirmed]: {
    type: EventTypes.ReporterConfirmed,
    topic: Topics.intake,
    dataClass: ReporterConfirmedPayload,
    producer: 'intake',
    description:
      'The reporter accepted the response and rated it 1–5; routing closes the complaint.',
  },
  [EventTypes.ReporterReopened]: {
    type: EventTypes.ReporterReopened,
    topic: Topics.intake,
    dataClass: ReporterReopenedPayload,
    producer: 'intake',
    description: 'The reporter is not satisfied with the response; routing reopens the complaint.',
  },
  [EventTypes.ComplaintVerified]: {
    type: EventTypes.ComplaintVerified,
    topic: Topics.complaints,
    dataClass: ComplaintVerifiedPayload,
    producer: 'routing',
    description:
      'A verifier accepted the submission and set its category, type and privacy. Status stays pending_verification until the routed event that follows at once.',
  },
  [EventTypes.ComplaintRejected]: {
    type: EventTypes.ComplaintRejected,
    topic: Topics.complaints,
    dataClass: ComplaintRejectedPayload,
    producer: 'routing',
    description: 'A verifier archived the submission with a reason (status rejected).',
  },
  [EventTypes.ComplaintRouted]: {
    type: EventTypes.ComplaintRouted,
    topic: Topics.complaints,
    dataClass: ComplaintRoutedPayload,
    producer: 'routing',
    description:
      'Routing placed the complaint with an agency by rule, region default or national triage (status awaiting_follow_up).',
  },
  [EventTypes.ComplaintAcknowledged]: {
    type: EventTypes.ComplaintAcknowledged,
    topic: Topics.complaints,
    dataClass: ComplaintAcknowledgedPayload,
    producer: 'routing',
    description: 'The assigned agency took the complaint up (status in_progress).',
  },
  [EventTypes.ComplaintInfoRequested]: {
    type: EventTypes.ComplaintInfoRequested,
    topic: Topics.complaints,
    dataClass: ComplaintInfoRequestedPayload,
    producer: 'routing',
    description:
      'The assigned agency asked the reporter for information (status in_progress); the follow-up SLA pauses.',
  },
  [EventTypes.ComplaintResponded]: {
    type: EventTypes.ComplaintResponded,
    topic: Topics.complaints,
    dataClass: ComplaintRespondedPayload,
    producer: 'routing',
    description:
      'The assigned agency posted its follow-up (status responded); the reporter may confirm or reopen.',
  },
  [EventTypes.ComplaintForwarded]: {
    type: EventTypes.ComplaintForwarded,
    topic: Topics.complaints,
    dataClass: ComplaintForwardedPayload,
    producer: 'routing',
    description:
      'Not the agency\'s authority ("bukan wewenang"): forwarded to another agency with a reason (status awaiting_follow_up).',
  },
  [EventTypes.ComplaintEscalated]: {
    type: EventTypes.ComplaintEscalated,
    topic: Topics.complaints,
    dataClass: ComplaintEscalatedPayload,
    producer: 'routing',
    description:
      'Moved to the parent agency (regency/city → province → national), by the agency or on an SLA escalation request (status awaiting_follow_up).',
  },
  [EventTypes.ComplaintClosed]: {
    type: EventTypes.ComplaintClosed,
    topic: Topics.complaints,
    dataClass: ComplaintClosedPayload,
    producer: 'routing',
    description:
      'Closed (LAPOR! "selesai"): confirmed by the reporter with a rating, auto-closed after silence, or closed by a verifier.',
  },
  [EventTypes.ComplaintReopened]: {
    type: EventTypes.ComplaintReopened,
    topic: Topics.complaints,
    dataClass: ComplaintReopenedPayload,
    producer: 'routing',
    description: 'The reporter reopened the complaint (status in_progress with the same agency).',
  },
  [EventTypes.SlaStarted]: {
    type: EventTypes.SlaStarted,
    topic: Topics.sla,
    dataClass: SlaStartedPayload,
    producer: 'sla',
    description: 'A deadline clock started for a stage, in the answerable agency’s business time.',
  },
  [EventTypes.SlaPaused]: {
    type: EventTypes.SlaPaused,
    topic: Topics.sla,
    dataClass: SlaPausedPayload,
    producer: 'sla',
    description: 'The clock stopped while the agency waits for the reporter.',
  },
  [EventTypes.SlaResumed]: {
    type: EventTypes.SlaResumed,
    topic: Topics.sla,
    dataClass: SlaResumedPayload,
    producer: 'sla',
    description: 'The clock runs again; dueAt is the moved deadline.',
  },
  [EventTypes.SlaWarning]: {
    type: EventTypes.SlaWarning,
    topic: Topics.sla,
    dataClass: SlaWarningPayload,
    producer: 'sla',
    description: 'A warning threshold of the allowed time was used (50% and 80% by default).',
  },
  [EventTypes.SlaBreached]: {
    type: EventTypes.SlaBreached,
    topic: Topics.sla,
    dataClass: SlaBreachedPayload,
    producer: 'sla',
    description: 'The deadline passed; fires once, also after downtime (then marked late).',
  },
  [EventTypes.SlaMet]: {
    type: EventTypes.SlaMet,
    topic: Topics.sla,
    dataClass: SlaMetPayload,
    producer: 'sla',
    description: 'The stage ended; withinSla says whether before the deadline.',
  },
  [EventTypes.SlaEscalationRequested]: {
    type: EventTypes.SlaEscalationRequested,
    topic: Topics.sla,
    dataClass: SlaEscalationRequestedPayload,
    producer: 'sla',
    description:
      'A follow-up breach asks routing to escalate to the parent agency; repeated up to national.',
  },
  [EventTypes.SlaAutoCloseDue]: {
    type: EventTypes.SlaAutoCloseDue,
    topic: Topics.sla,
    dataClass: SlaAutoCloseDuePayload,
    producer: 'sla',
    description:
      'The reporter stayed silent after the response until the deadline; routing closes.',
  },
  [EventTypes.NotificationDelivered]: {
    type: EventTypes.NotificationDelivered,
    topic: Topics.notifications,
    dataClass: NotificationDeliveredPayload,
    producer: 'notification',
    description: 'A notification (email, SMS, webhook or page) was delivered.',
  },
  [EventTypes.NotificationFailed]: {
    type: EventTypes.NotificationFailed,
    topic: Topics.notifications,
    dataClass: NotificationFailedPayload,
    producer: 'notification',
    description: 'A notification could not be delivered after its last try.',
  },
  [EventTypes.ComplaintInfoReceived]: {
    type: EventTypes.ComplaintInfoReceived,
    topic: Topics.complaints,
    dataClass: ComplaintInfoReceivedPayload,
    producer: 'routing',
    description:
      "The reporter answered the agency's information request (status in_progress); the paused follow-up SLA resumes.",
  },
  [EventTypes.ComplaintExtensionGranted]: {
    type: EventTypes.ComplaintExtensionGranted,
    topic: Topics.complaints,
    dataClass: ComplaintExtensionGrantedPayload,
    producer: 'routing',
    description:
      "The agency extended the follow-up period of an information request, once per assignment; the follow-up SLA gets the policy's extension (7 working days by default).",
  },
} as const satisfies { readonly [T in EventType]: EventCatalogueEntry<T> };

/** Every event type with its topic, data class, producer and meaning. */
export const EventCatalogue: { readonly [T in EventType]: EventCatalogueEntry<T> } = catalogue;

/** The event types published on a topic, as a type: `EventTypeOn<'salur.sla.v1'>`. */
export type EventTypeOn<Topic extends TopicName> = {
  [T in EventType]: (typeof catalogue)[T]['topic'] extends Topic ? T : never;
}[EventType];

export type IntakeEventType = EventTypeOn<typeof Topics.intake>;
export type ComplaintEventType = EventTypeOn<typeof Topics.complaints>;
export type SlaEventType = EventTypeOn<typeof Topics.sla>;
export type NotificationEventType = EventTypeOn<typeof Topics.notifications>;

export function topicOf(type: EventType): TopicName {
  if (!isEventType(type)) throw new RangeError(`unknown event type: ${JSON.stringify(type)}`);
  return EventCatalogue[type].topic;
}

export function eventTypesOf<Topic extends TopicName>(topic: Topic): EventTypeOn<Topic>[] {
  return EVENT_TYPE_LIST.filter(
    (type): type is EventTypeOn<Topic> => EventCatalogue[type].topic === topic,
  );
}
