import {
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmptyObject,
  IsNumber,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  CHANNELS,
  COMPLAINT_TYPES,
  LANGUAGES,
  PRIVACIES,
  type Channel,
  type ComplaintType,
  type Language,
  type Privacy,
} from '../vocabulary';
import { AttachmentRefPayload, PayloadLimits } from './common';
import {
  AgencyCode,
  DateOrInstant,
  Instant,
  Nested,
  NestedList,
  Optional,
  RegionCode,
  RequiredWhen,
  Text,
  type PlainData,
  CategoryCode,
  TrackingId,
} from './field-decorators';

/** E.164, as intake normalises every number: `+6281234567890`. */
export const PHONE_PATTERN = /^\+[1-9]\d{6,14}$/;
/** NIK (Nomor Induk Kependudukan): 16 digits. */
export const NATIONAL_ID_PATTERN = /^\d{16}$/;

/** Where the matter is. Coordinates come as a pair or not at all. */
export class SubmittedLocationPayload {
  /** The most specific Kemendagri code the channel could determine (down to village). */
  @RegionCode()
  regionCode: string;

  @Optional()
  @Text(PayloadLimits.shortText)
  address?: string;

  @RequiredWhen((location) => location.lon !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat?: number;

  @RequiredWhen((location) => location.lat !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lon?: number;
}

/**
 * What the reporter told intake about themselves, as given (email and phone normalised). Present
 * whenever the reporter gave anything, for every privacy: `salur.intake.v1` is internal and the
 * verifier and reporter notifications need it. It never appears on an agency-facing topic.
 */
export class ReporterIdentityPayload {
  @Optional()
  @Text(200)
  name?: string;

  @Optional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @Optional()
  @Matches(PHONE_PATTERN, { message: '$property must be an E.164 number such as +6281234567890' })
  phone?: string;

  @Optional()
  @Matches(NATIONAL_ID_PATTERN, { message: '$property must be a 16-digit NIK' })
  nationalId?: string;
}

/** `salur.complaint.submitted.v1`: a reporter submitted, through any channel. */
export class ComplaintSubmittedPayload {
  @IsUUID()
  complaintId: string;

  @TrackingId()
  trackingId: string;

  @IsIn(COMPLAINT_TYPES)
  type: ComplaintType;

  @IsIn(CHANNELS)
  channel: Channel;

  @Text(PayloadLimits.title)
  title: string;

  @Text(PayloadLimits.body)
  body: string;

  /** The reporter's or channel's choice; the verifier decides the final one. */
  @Optional()
  @CategoryCode()
  category?: string;

  /** When it happened, as the reporter said: a date, or an instant. */
  @Optional()
  @DateOrInstant()
  occurredAt?: string;

  @Nested(() => SubmittedLocationPayload)
  location: SubmittedLocationPayload;

  /** The agency the reporter addressed, if they chose one; routing may honour it. */
  @Optional()
  @AgencyCode()
  targetAgency?: string;

  /** As the reporter chose it; the verifier may raise it. */
  @IsIn(PRIVACIES)
  privacy: Privacy;

  @IsIn(LANGUAGES)
  language: Language;

  @Optional()
  @IsNotEmptyObject(
    { nullable: false },
    { message: '$property must not be empty; omit it instead' },
  )
  @Nested(() => ReporterIdentityPayload)
  reporter?: ReporterIdentityPayload;

  @NestedList(() => AttachmentRefPayload, PayloadLimits.attachmentsPerMessage)
  attachments: AttachmentRefPayload[];

  @Instant()
  submittedAt: string;
}

/** `salur.complaint.reporter-replied.v1`: the reporter answered (an information request, say). */
export class ReporterRepliedPayload {
  @IsUUID()
  complaintId: string;

  @Text(PayloadLimits.longText)
  message: string;

  @NestedList(() => AttachmentRefPayload, PayloadLimits.attachmentsPerMessage)
  attachments: AttachmentRefPayload[];

  @Instant()
  repliedAt: string;
}

/** `salur.complaint.reporter-confirmed.v1`: the reporter accepted the response and rated it. */
export class ReporterConfirmedPayload {
  @IsUUID()
  complaintId: string;

  /** 1 (poor) to 5 (excellent). */
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @Optional()
  @Text(PayloadLimits.longText)
  comment?: string;

  @Instant()
  confirmedAt: string;
}

/** `salur.complaint.reporter-reopened.v1`: the reporter is not satisfied with the response. */
export class ReporterReopenedPayload {
  @IsUUID()
  complaintId: string;

  @Text(PayloadLimits.longText)
  reason: string;

  @Instant()
  reopenedAt: string;
}

/* The plain shapes producers build and consumers read (see PlainData). */
export type SubmittedLocation = PlainData<SubmittedLocationPayload>;
export type ReporterIdentity = PlainData<ReporterIdentityPayload>;
export type ComplaintSubmittedData = PlainData<ComplaintSubmittedPayload>;
export type ReporterRepliedData = PlainData<ReporterRepliedPayload>;
export type ReporterConfirmedData = PlainData<ReporterConfirmedPayload>;
export type ReporterReopenedData = PlainData<ReporterReopenedPayload>;
