import { IsIn, IsInt, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';
import { ACTOR_ROLES, type ActorRole } from '../vocabulary';
import { AgencyCode, Optional, Text, type PlainData } from './field-decorators';

/** PayloadLimits shared by payloads and the AsyncAPI document. */
export const PayloadLimits = {
  attachmentsPerMessage: 10,
  attachmentBytes: 100 * 1024 * 1024,
  urlLength: 2048,
  title: 200,
  body: 10_000,
  shortText: 500,
  longText: 5_000,
  previousAgencies: 50,
} as const;

/**
 * A file kept in Salur's object store, described by metadata only; the bytes never travel in an
 * event. `sha256` lets a consumer check what it downloads.
 */
export class AttachmentRefPayload {
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(PayloadLimits.urlLength)
  url: string;

  /** MIME type, e.g. `image/jpeg`, `application/pdf`. */
  @Matches(/^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/, { message: '$property must be a MIME type' })
  @MaxLength(127)
  contentType: string;

  /** Bytes. */
  @IsInt()
  @Min(1)
  @Max(PayloadLimits.attachmentBytes)
  size: number;

  /** Lower-case hex SHA-256 of the content. */
  @Matches(/^[0-9a-f]{64}$/, { message: '$property must be a lower-case hex SHA-256' })
  sha256: string;
}

/** Who did something: an officer (by JWT subject and role) or Salur itself (`system`). */
export class ActorRefPayload {
  @IsIn(ACTOR_ROLES)
  role: ActorRole;

  /** The JWT `sub` of the officer, or the service name for `system` (e.g. `sla`). */
  @Text(128)
  id: string;

  /** The officer's agency, for the agency roles. */
  @Optional()
  @AgencyCode()
  agency?: string;
}

/* The plain shapes producers build and consumers read (see PlainData). */
export type AttachmentRef = PlainData<AttachmentRefPayload>;
export type ActorRef = PlainData<ActorRefPayload>;
