import { IsBoolean, IsIn, IsInt, IsNumber, IsUUID, Max, Min } from 'class-validator';
import { AGENCY_LEVELS, SLA_STAGES, type AgencyLevel, type SlaStage } from '../vocabulary';
import { PayloadLimits } from './common';
import {
  AgencyCode,
  Instant,
  IsoDuration,
  Nullable,
  Optional,
  RegionCode,
  Text,
  type PlainData,
} from './field-decorators';

/**
 * What every `salur.sla.*` event carries: the clock, whose deadline it is, and the deadline as it
 * stands when the event is emitted. No reporter identity, ever.
 */
export abstract class SlaClockPayload {
  @IsUUID()
  clockId: string;

  @IsUUID()
  complaintId: string;

  @IsIn(SLA_STAGES)
  stage: SlaStage;

  /**
   * The agency answerable for the deadline, in whose business calendar the clock runs: the
   * assigned agency for `follow_up` (a new clock per agency) and `auto_close`, the current one for
   * `resolution`; null for `verification` and before routing (the national calendar applies).
   */
  @Nullable()
  @AgencyCode()
  agency: string | null;

  /** Null exactly when `agency` is. */
  @Nullable()
  @IsIn(AGENCY_LEVELS)
  agencyLevel: AgencyLevel | null;

  /** Kemendagri code of the complaint's location; regional holidays follow it. */
  @RegionCode()
  regionCode: string;

  /** Version of the SLA policy the clock was started under. */
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  policyVersion: number;

  @Instant()
  startedAt: string;

  /** The deadline as of this event; pausing and resuming move it. */
  @Instant()
  dueAt: string;
}

/**
 * `late` on an event fired by a deadline: true when it fired noticeably after the instant it
 * reports because Salur was down or behind. Such an event still fires exactly once; the envelope's
 * `time` says when it was actually emitted.
 */
export abstract class SlaDeadlinePayload extends SlaClockPayload {
  @IsBoolean()
  late: boolean;
}

/** `salur.sla.started.v1`. */
export class SlaStartedPayload extends SlaClockPayload {}

/** `salur.sla.paused.v1`: waiting for the reporter (follow-up only). */
export class SlaPausedPayload extends SlaClockPayload {
  @Instant()
  pausedAt: string;
}

/** `salur.sla.resumed.v1`: the reporter answered; `dueAt` is the moved deadline. */
export class SlaResumedPayload extends SlaClockPayload {
  @Instant()
  resumedAt: string;
}

/** `salur.sla.warning.v1`: a warning threshold (50% and 80% by default) of the time was used. */
export class SlaWarningPayload extends SlaDeadlinePayload {
  /** Fraction of the allowed time used, e.g. 0.8. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  threshold: number;

  /** When the threshold was crossed. */
  @Instant()
  reachedAt: string;

  /** Business time left until `dueAt`, as an ISO 8601 duration, e.g. `PT7H12M`. */
  @Optional()
  @IsoDuration()
  remaining?: string;
}

/** `salur.sla.breached.v1`: the deadline passed without the clock's end event. */
export class SlaBreachedPayload extends SlaDeadlinePayload {
  /** The instant the deadline passed (the clock's `dueAt`). */
  @Instant()
  breachedAt: string;
}

/** `salur.sla.met.v1`: the clock's end event happened (verified, responded, closed …). */
export class SlaMetPayload extends SlaClockPayload {
  @Instant()
  metAt: string;

  /** False when it ended after a breach. */
  @IsBoolean()
  withinSla: boolean;
}

/**
 * `salur.sla.escalation-requested.v1`: a `follow_up` breach asks routing to escalate the complaint
 * to the parent agency; repeated for each agency up to national.
 */
export class SlaEscalationRequestedPayload extends SlaDeadlinePayload {
  @AgencyCode()
  fromAgency: string;

  @Instant()
  breachedAt: string;

  @Text(PayloadLimits.shortText)
  reason: string;
}

/** `salur.sla.auto-close-due.v1`: the reporter stayed silent after a response until `dueAt`. */
export class SlaAutoCloseDuePayload extends SlaDeadlinePayload {}

/* The plain shapes producers build and consumers read (see PlainData). */
export type SlaClockData = PlainData<SlaClockPayload>;
export type SlaDeadlineData = PlainData<SlaDeadlinePayload>;
export type SlaStartedData = PlainData<SlaStartedPayload>;
export type SlaPausedData = PlainData<SlaPausedPayload>;
export type SlaResumedData = PlainData<SlaResumedPayload>;
export type SlaWarningData = PlainData<SlaWarningPayload>;
export type SlaBreachedData = PlainData<SlaBreachedPayload>;
export type SlaMetData = PlainData<SlaMetPayload>;
export type SlaEscalationRequestedData = PlainData<SlaEscalationRequestedPayload>;
export type SlaAutoCloseDueData = PlainData<SlaAutoCloseDuePayload>;
