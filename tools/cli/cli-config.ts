import { EnvList, loadConfig } from '@salur/platform';
import {
  ArrayNotEmpty,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

/**
 * The Kafka variables the services read (same names, same rules), so the CLI runs with a
 * service's environment unchanged and sees its topics and consumer groups.
 */
export class CliKafkaEnv {
  @EnvList()
  @ArrayNotEmpty({ message: 'must list at least one broker (comma-separated host:port)' })
  @Matches(/^[^\s:,]+:\d{1,5}$/, { each: true, message: 'each broker must be host:port' })
  KAFKA_BROKERS!: string[];

  @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'may only contain letters, digits, ".", "_" and "-"' })
  @MaxLength(100)
  KAFKA_TOPIC_PREFIX = '';

  @IsOptional()
  @IsString()
  @MinLength(1)
  KAFKA_CLIENT_ID?: string;

  /** Kafka client log lines (on stderr); the CLI's own output is on stdout. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'error';
}

export function loadKafkaEnv(env: NodeJS.ProcessEnv = process.env): Readonly<CliKafkaEnv> {
  return loadConfig(CliKafkaEnv, env);
}

/** Thrown for a wrong command line or environment: exit code 2, with the message and a hint. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * The database URL a service's script uses: `<SERVICE>_DATABASE_URL` when set (as `npm start`
 * reads it), else `DATABASE_URL`.
 */
export function serviceDatabaseUrl(service: string, env: NodeJS.ProcessEnv = process.env): string {
  const own = env[`${service.toUpperCase()}_DATABASE_URL`];
  const url = own !== undefined && own !== '' ? own : env.DATABASE_URL;
  if (url === undefined || url === '') {
    throw new UsageError(
      `DATABASE_URL (or ${service.toUpperCase()}_DATABASE_URL) is required but not set`,
    );
  }
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new UsageError(
      `${own ? `${service.toUpperCase()}_DATABASE_URL` : 'DATABASE_URL'}: must be a postgres:// or postgresql:// URL`,
    );
  }
  return url;
}
