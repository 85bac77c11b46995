import {
  ArrayNotEmpty,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { EnvList, EnvNumber } from './env-decorators';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const TRACES_EXPORTERS = ['none', 'otlp'] as const;
export type TracesExporter = (typeof TRACES_EXPORTERS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The variables every Salur service reads (DESIGN.md, "Defaults that clients rely on"). Each app
 * extends it with its own and overrides `PORT` with its default:
 *
 * ```ts
 * export class IntakeEnv extends BaseServiceEnv {
 *   override PORT = 3001;
 *   @EnvList() @IsString({ each: true }) OPEN311_API_KEYS: string[] = [];
 * }
 * ```
 *
 * A property initializer is the default; a property without one and without `@IsOptional()` is
 * required. Read it with `loadConfig(IntakeEnv)`.
 */
export class BaseServiceEnv {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  /** Apps override this with their DESIGN.md port. */
  @EnvNumber()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsUrl(
    { protocols: ['postgres', 'postgresql'], require_protocol: true, require_tld: false },
    { message: 'must be a postgres:// or postgresql:// URL' },
  )
  DATABASE_URL!: string;

  /** Connections per process; the sum over all replicas must stay under Postgres' max_connections. */
  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Server-side cap on any one statement, so a runaway query cannot hold a connection forever. */
  @EnvNumber()
  @IsInt()
  @Min(0)
  DATABASE_STATEMENT_TIMEOUT_MS = 15_000;

  @EnvList()
  @ArrayNotEmpty({ message: 'must list at least one broker (comma-separated host:port)' })
  @Matches(/^[^\s:,]+:\d{1,5}$/, { each: true, message: 'each broker must be host:port' })
  KAFKA_BROKERS!: string[];

  @IsOptional()
  @IsString()
  @MinLength(1)
  KAFKA_CLIENT_ID?: string;

  /** Prepended to every topic and consumer group, so several stacks (or test runs) share a cluster. */
  @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'may only contain letters, digits, ".", "_" and "-"' })
  @MaxLength(100)
  KAFKA_TOPIC_PREFIX = '';

  /** How often each consumer group's lag is read for `salur_consumer_lag_messages`; 0 turns it off. */
  @EnvNumber()
  @IsInt()
  @Min(0)
  KAFKA_LAG_POLL_INTERVAL_MS = 15_000;

  /**
   * Most consumed events of one partition handled in one Postgres transaction (one inbox insert,
   * one outbox insert, one commit); 1 handles every event in its own transaction.
   */
  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(500)
  CONSUMER_BATCH_SIZE = 50;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Largest request body accepted, in bytes; larger ones are answered 413. */
  @EnvNumber()
  @IsInt()
  @Min(1)
  HTTP_BODY_LIMIT = 1_048_576;

  /**
   * How long, after SIGTERM, the service keeps serving while readiness already answers 503, so
   * that load balancers stop sending traffic before the listener closes. 0 when the platform
   * already waits (e.g. a Kubernetes preStop sleep).
   */
  @EnvNumber()
  @IsInt()
  @Min(0)
  SHUTDOWN_DELAY_MS = 0;

  /** How long in-flight requests may take to finish after the listener closed. */
  @EnvNumber()
  @IsInt()
  @Min(0)
  SHUTDOWN_GRACE_MS = 10_000;

  /** HS256 shared secret (development and tests); required unless AUTH_JWKS_URL is set. */
  @ValidateIf((env: BaseServiceEnv) => env.AUTH_JWKS_URL === undefined)
  @IsDefined({ message: 'is required unless AUTH_JWKS_URL is set' })
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (256 bits) for HS256' })
  AUTH_JWT_SECRET?: string;

  @IsString()
  @MinLength(1)
  AUTH_JWT_ISSUER = 'salur';

  @IsString()
  @MinLength(1)
  AUTH_JWT_AUDIENCE = 'salur';

  /** RS256 key set for production tokens. */
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  AUTH_JWKS_URL?: string;

  /**
   * `otlp` exports spans over OTLP/HTTP; `none` (default) exports nothing, while trace ids are
   * still generated and propagated, so logs correlate across services either way.
   */
  @IsIn(TRACES_EXPORTERS)
  OTEL_TRACES_EXPORTER: TracesExporter = 'none';

  /** Base URL of the OTLP/HTTP receiver (a collector); traces go to `<endpoint>/v1/traces`. */
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  OTEL_EXPORTER_OTLP_ENDPOINT = 'http://localhost:4318';

  /** Full URL for traces, when it is not `<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces`. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;

  /** The exporter speaks OTLP/HTTP with JSON bodies; other protocols are refused at start. */
  @IsIn(['http/json'], { message: 'must be http/json (the only OTLP protocol this build exports)' })
  OTEL_EXPORTER_OTLP_PROTOCOL = 'http/json';

  /** `service.name` of exported spans; defaults to the service (`intake`, `routing`, ...). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  OTEL_SERVICE_NAME?: string;
}
