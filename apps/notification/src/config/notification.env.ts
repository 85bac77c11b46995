import { BaseServiceEnv, EnvBoolean, EnvList, EnvNumber } from '@salur/platform';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

/** The notification service's configuration (docs/notification.md lists every variable). */
export class NotificationEnv extends BaseServiceEnv {
  override PORT = 3004;

  /** Key for sealing reporter contacts, bodies and webhook secrets; required in production. */
  @ValidateIf(
    (env: NotificationEnv) =>
      env.NODE_ENV === 'production' || env.NOTIFICATION_SECRET !== undefined,
  )
  @IsString()
  @MinLength(32)
  NOTIFICATION_SECRET?: string;

  /** Hosts (names or IP literals) webhooks may reach although they are private or loopback. */
  @EnvList()
  @IsString({ each: true })
  WEBHOOK_ALLOWED_HOSTS: string[] = [];

  @EnvNumber()
  @IsInt()
  @Min(100)
  @Max(120_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(720)
  WEBHOOK_SECRET_ROTATION_HOURS = 24;

  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(100)
  DELIVERY_MAX_ATTEMPTS = 8;

  @EnvNumber()
  @IsInt()
  @Min(10)
  DELIVERY_BACKOFF_BASE_MS = 5_000;

  @EnvNumber()
  @IsInt()
  @Min(10)
  DELIVERY_BACKOFF_MAX_MS = 3_600_000;

  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(1000)
  DELIVERY_CONCURRENCY = 32;

  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(100)
  DELIVERY_ENDPOINT_CONCURRENCY = 4;

  @EnvNumber()
  @IsInt()
  @Min(10)
  DELIVERY_POLL_INTERVAL_MS = 500;

  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(1000)
  CIRCUIT_BREAKER_FAILURES = 5;

  @EnvNumber()
  @IsInt()
  @Min(10)
  CIRCUIT_BREAKER_HALF_OPEN_MS = 30_000;

  @EnvBoolean()
  @IsBoolean()
  DELIVERY_WORKER_ENABLED = true;

  @IsOptional()
  @IsUrl({ protocols: ['smtp', 'smtps'], require_protocol: true, require_tld: false })
  SMTP_URL?: string;

  @IsString()
  SMTP_FROM = 'Salur <no-reply@salur.example>';

  @IsOptional()
  @IsUrl(URL_OPTIONS)
  SMS_GATEWAY_URL?: string;

  @IsOptional()
  @IsString()
  SMS_GATEWAY_TOKEN?: string;

  @IsString()
  SMS_SENDER = 'SALUR';

  @IsUrl(URL_OPTIONS)
  PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

  @IsOptional()
  @IsString()
  PAGERDUTY_ROUTING_KEY?: string;

  @IsOptional()
  @IsUrl(URL_OPTIONS)
  ONCALL_WEBHOOK_URL?: string;

  @EnvBoolean()
  @IsBoolean()
  ONCALL_PAGE_WARNINGS = true;
}

/** The sealing key: `NOTIFICATION_SECRET`, or outside production one derived from the JWT secret. */
export function sealingSecret(config: NotificationEnv): string {
  return (
    config.NOTIFICATION_SECRET ??
    `development-only:${config.AUTH_JWT_SECRET ?? 'salur-notification-development-secret'}`
  );
}
