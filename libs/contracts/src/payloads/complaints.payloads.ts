import { ArrayMaxSize, IsArray, IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import {
  AGENCY_LEVELS,
  CHANNELS,
  CLOSED_BY,
  COMPLAINT_STATUSES,
  COMPLAINT_TYPES,
  ESCALATION_TRIGGERS,
  PRIVACIES,
  REJECTION_REASONS,
  ROUTING_REASONS,
  type AgencyLevel,
  type Channel,
  type ClosedBy,
  type ComplaintStatus,
  type ComplaintType,
  type EscalationTrigger,
  type Privacy,
  type RejectionReason,
  type RoutingReason,
} from '../vocabulary';
import { ActorRefPayload, AttachmentRefPayload, PayloadLimits } from './common';
import {
  AgencyCode,
  Instant,
  Nested,
  NestedList,
  Nullable,
  Optional,
  RegionCode,
  RequiredWhen,
  Text,
  type PlainData,
  CategoryCode,
  TrackingId,
} from './field-decorators';

/**
 * The complaint's full current state after the transition an event reports, so a consumer that
 * joins late needs nothing else. Every field is always present; `null` means "not (yet) set".
 * There is no reporter identity here, for any privacy: it stays on the internal intake topic.
 */
export class ComplaintSnapshotPayload {
  @IsUUID()
  complaintId: string;

  @TrackingId()
  trackingId: string;

  @IsIn(COMPLAINT_STATUSES)
  status: ComplaintStatus;

  /** The assigned agency; null before routing and for a rejected submission. */
  @Nullable()
  @AgencyCode()
  agency: string | null;

  /** The assigned agency's level; null exactly when `agency` is. */
  @Nullable()
  @IsIn(AGENCY_LEVELS)
  agencyLevel: AgencyLevel | null;

  /** Kemendagri code of the complaint's location, as specific as known. */
  @RegionCode()
  regionCode: string;

  /** Null until the reporter or the verifier gives one. */
  @Nullable()
  @CategoryCode()
  category: string | null;

  @IsIn(COMPLAINT_TYPES)
  type: ComplaintType;

  @IsIn(PRIVACIES)
  privacy: Privacy;

  @IsIn(CHANNELS)
  channel: Channel;

  @Text(PayloadLimits.title)
  title: string;

  /**
   * The reporter's text, or null when this event must not carry it: a `confidential` complaint's
   * body is only delivered to its assigned agency (through its webhook), so on the topic it is null.
   */
  @Nullable()
  @Text(PayloadLimits.body)
  body: string | null;

  @Instant()
  submittedAt: string;

  /** When the transition this event reports happened. */
  @Instant()
  updatedAt: string;

  @Nullable()
  @Instant()
  verifiedAt: string | null;

  /** The latest response; null until the first. */
  @Nullable()
  @Instant()
  respondedAt: string | null;

  /** Null unless the complaint is closed (a reopened complaint is no longer closed). */
  @Nullable()
  @Instant()
  closedAt: string | null;

  /** 1 at submission, +1 per transition: a consumer ignores a snapshot older than one it holds. */
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version: number;

  /** Agencies that held the complaint before the current one, oldest first. */
  @IsArray()
  @ArrayMaxSize(PayloadLimits.previousAgencies)
  @AgencyCode({ each: true })
  previousAgencies: string[];
}

/** What every `salur.complaint.*` event on `salur.complaints.v1` carries. */
export abstract class ComplaintEventPayload {
  @Nested(() => ComplaintSnapshotPayload)
  complaint: ComplaintSnapshotPayload;
}

/** `salur.complaint.verified.v1`: a verifier accepted the submission and classified it. */
export class ComplaintVerifiedPayload extends ComplaintEventPayload {
  @Nested(() => ActorRefPayload)
  by: ActorRefPayload;

  @CategoryCode()
  category: string;

  @IsIn(COMPLAINT_TYPES)
  type: ComplaintType;

  /** As set by the verifier: the reporter's choice or higher. */
  @IsIn(PRIVACIES)
  privacy: Privacy;
}

/** `salur.complaint.rejected.v1`: a verifier archived the submission (LAPOR! "diarsipkan"). */
export class ComplaintRejectedPayload extends ComplaintEventPayload {
  @IsIn(REJECTION_REASONS)
  reason: RejectionReason;

  /** The verifier's explanation, shown to the reporter. */
  @Optional()
  @Text(PayloadLimits.longText)
  note?: string;

  @Nested(() => ActorRefPayload)
  by: ActorRefPayload;
}

/** `salur.complaint.routed.v1`: routing placed the complaint with an agency. */
export class ComplaintRoutedPayload extends ComplaintEventPayload {
  @AgencyCode()
  agency: string;

  @IsIn(ROUTING_REASONS)
  reason: RoutingReason;

  /** The rule that matched; required when `reason` is `rule`. */
  @RequiredWhen((data) => data.reason === 'rule')
  @Text(64)
  ruleId?: string;
}

/** `salur.complaint.acknowledged.v1`: the agency took the complaint up (status `in_progress`). */
export class ComplaintAcknowledgedPayload extends ComplaintEventPayload {
  @Nested(() => ActorRefPayload)
  by: ActorRefPayload;
}

/** `salur.complaint.info-requested.v1`: the agency asked the reporter; follow-up SLA pauses. */
export class ComplaintInfoRequestedPayload extends ComplaintEventPayload {
  @Text(PayloadLimits.longText)
  question: string;

  @Nested(() => ActorRefPayload)
  by: ActorRefPayload;
}

/** `salur.complaint.responded.v1`: the agency posted its follow-up (tindak lanjut). */
export class ComplaintRespondedPayload extends ComplaintEventPayload {
  @Text(PayloadLimits.body)
  response: string;

  @NestedList(() => AttachmentRefPayload, PayloadLimits.attachmentsPerMessage)
  attachments: AttachmentRefPayload[];

  @Nested(() => ActorRefPayload)
  by: ActorRefPayload;
}

/** `salur.complaint.forwarded.v1`: not this agency's authority ("bukan wewenang"). */
export class ComplaintForwardedPayload extends ComplaintEventPayload {
  @AgencyCode()
  fromAgency: string;

  @AgencyCode()
  toAgency: string;

  @Text(PayloadLimits.longText)
  reason: string;

  @Nested(() => ActorRefPayload)
  by: ActorRefPayload;
}

/** `salur.complaint.escalated.v1`: moved to the parent agency, by the agency or an SLA breach. */
export class ComplaintEscalatedPayload extends ComplaintEventPayload {
  @AgencyCode()
  fromAgency: string;

  @AgencyCode()
  toAgency: string;

  @IsIn(ESCALATION_TRIGGERS)
  trigger: EscalationTrigger;

  @Optional()
  @Text(PayloadLimits.longText)
  reason?: string;

  /** The breached SLA clock; required when `trigger` is `sla`. */
  @RequiredWhen((data) => data.trigger === 'sla')
  @IsUUID()
  clockId?: string;

  /** An officer for `agency`; `{ role: 'system', id: 'sla' }` for `sla`. */
  @Nested(() => ActorRefPayload)
  by: ActorRefPayload;
}

/** `salur.complaint.closed.v1` (LAPOR! "selesai"). */
export class ComplaintClosedPayload extends ComplaintEventPayload {
  @IsIn(CLOSED_BY)
  closedBy: ClosedBy;

  /** The reporter's 1–5 rating; required when `closedBy` is `reporter`. */
  @RequiredWhen((data) => data.closedBy === 'reporter')
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;

  @Optional()
  @Text(PayloadLimits.longText)
  comment?: string;
}

/** `salur.complaint.reopened.v1`: the reporter was not satisfied; back to `in_progress`. */
export class ComplaintReopenedPayload extends ComplaintEventPayload {
  @Text(PayloadLimits.longText)
  reason: string;
}

/**
 * `salur.complaint.info-received.v1`: the reporter answered the agency's information request
 * (status stays `in_progress`); the paused follow-up SLA resumes. The reply itself stays with
 * routing and intake: it may identify the reporter.
 */
export class ComplaintInfoReceivedPayload extends ComplaintEventPayload {
  /** When the reporter replied, as intake received it. */
  @Instant()
  repliedAt: string;
}

/**
 * `salur.complaint.extension-granted.v1`: the agency extended its follow-up period for an
 * information request (once per agency assignment); the SLA service adds the policy's extension
 * (7 working days by default) to the running follow-up clock.
 */
export class ComplaintExtensionGrantedPayload extends ComplaintEventPayload {
  /** Why the agency needs more time (UU 14/2008 art. 22(7)); shown to the reporter. */
  @Text(PayloadLimits.longText)
  reason: string;

  @Nested(() => ActorRefPayload)
  by: ActorRefPayload;
}

/* The plain shapes producers build and consumers read (see PlainData). */
export type ComplaintSnapshot = PlainData<ComplaintSnapshotPayload>;
export type ComplaintEventData = PlainData<ComplaintEventPayload>;
export type ComplaintVerifiedData = PlainData<ComplaintVerifiedPayload>;
export type ComplaintRejectedData = PlainData<ComplaintRejectedPayload>;
export type ComplaintRoutedData = PlainData<ComplaintRoutedPayload>;
export type ComplaintAcknowledgedData = PlainData<ComplaintAcknowledgedPayload>;
export type ComplaintInfoRequestedData = PlainData<ComplaintInfoRequestedPayload>;
export type ComplaintRespondedData = PlainData<ComplaintRespondedPayload>;
export type ComplaintForwardedData = PlainData<ComplaintForwardedPayload>;
export type ComplaintEscalatedData = PlainData<ComplaintEscalatedPayload>;
export type ComplaintClosedData = PlainData<ComplaintClosedPayload>;
export type ComplaintReopenedData = PlainData<ComplaintReopenedPayload>;
export type ComplaintInfoReceivedData = PlainData<ComplaintInfoReceivedPayload>;
export type ComplaintExtensionGrantedData = PlainData<ComplaintExtensionGrantedPayload>;
