import { IsIn, IsInt, IsUUID, Max, Min, ValidateBy } from 'class-validator';
import { EVENT_TYPE_LIST, type EventType } from '../event-types';
import { isMaskedTarget, MASKED_TARGET_PATTERNS } from '../masking';
import {
  NOTIFICATION_CHANNELS,
  RECIPIENT_KINDS,
  type NotificationChannel,
  type RecipientKind,
} from '../vocabulary';
import {
  AgencyCode,
  Instant,
  Optional,
  RequiredWhen,
  Text,
  type PlainData,
} from './field-decorators';

function MaskedTarget(): PropertyDecorator {
  return ValidateBy({
    name: 'isMaskedTarget',
    validator: {
      validate: (value: unknown, args) => {
        const channel = (args?.object as { channel?: unknown } | undefined)?.channel;
        return (
          typeof value === 'string' &&
          typeof channel === 'string' &&
          (NOTIFICATION_CHANNELS as readonly string[]).includes(channel) &&
          isMaskedTarget(channel as NotificationChannel, value)
        );
      },
      defaultMessage: (args) => {
        const channel = (args?.object as { channel?: unknown } | undefined)?.channel;
        const pattern =
          typeof channel === 'string' && channel in MASKED_TARGET_PATTERNS
            ? ` (${MASKED_TARGET_PATTERNS[channel as NotificationChannel].source})`
            : '';
        return `$property must be a masked target for the channel${pattern}`;
      },
    },
  });
}

/** What both notification outcomes carry. */
export abstract class NotificationPayload {
  @IsUUID()
  deliveryId: string;

  @IsUUID()
  complaintId: string;

  /** `ce_id` of the event the notification was about. */
  @IsUUID()
  sourceEventId: string;

  /** `ce_type` of the event the notification was about. */
  @IsIn(EVENT_TYPE_LIST)
  sourceEventType: EventType;

  @IsIn(NOTIFICATION_CHANNELS)
  channel: NotificationChannel;

  @IsIn(RECIPIENT_KINDS)
  recipientKind: RecipientKind;

  /** The agency notified; required when `recipientKind` is `agency`. */
  @RequiredWhen((data) => data.recipientKind === 'agency')
  @AgencyCode()
  recipientAgency?: string;

  /**
   * Where it went, masked for its channel: `b***@gmail.com`, `+62*******7890`,
   * `https://sim.example.go.id/***`, `oncall:pemda-64.71`. Never a raw address or number.
   */
  @MaskedTarget()
  target: string;

  /** Tries made, this one included. */
  @IsInt()
  @Min(1)
  @Max(1000)
  attempts: number;
}

/** `salur.notification.delivered.v1`. */
export class NotificationDeliveredPayload extends NotificationPayload {
  @Instant()
  deliveredAt: string;
}

/** `salur.notification.failed.v1`: given up after the last try (or a permanent refusal). */
export class NotificationFailedPayload extends NotificationPayload {
  @Instant()
  failedAt: string;

  /** Why the last try failed, without secrets or personal data. */
  @Text(1000)
  lastError: string;

  /** HTTP status of the last webhook try, if it got one. */
  @Optional()
  @IsInt()
  @Min(100)
  @Max(599)
  lastStatusCode?: number;
}

/* The plain shapes producers build and consumers read (see PlainData). */
export type NotificationData = PlainData<NotificationPayload>;
export type NotificationDeliveredData = PlainData<NotificationDeliveredPayload>;
export type NotificationFailedData = PlainData<NotificationFailedPayload>;
