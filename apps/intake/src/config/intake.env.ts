import { BaseServiceEnv, EnvList, EnvNumber } from '@salur/platform';
import { IsInt, IsNumber, IsString, Max, Min, MinLength } from 'class-validator';

/** Intake's configuration: the shared variables plus its own. */
export class IntakeEnv extends BaseServiceEnv {
  override PORT = 3001;

  /**
   * Key material for sealing a tracking token inside an idempotency record, so a retried request
   * gets the first answer while the token itself is stored only as a hash everywhere else.
   */
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  INTAKE_SECRET!: string;

  /** How long an Idempotency-Key is remembered. */
  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  IDEMPOTENCY_KEY_TTL_HOURS = 24;

  /** How long after the agency's response (or the closure) the reporter may reopen; days. */
  @EnvNumber()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(365)
  REOPEN_WINDOW_DAYS = 10;

  /** Writes (submissions, reporter actions, Open311 posts) one client address may make per window. */
  @EnvNumber()
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_CLIENT = 120;

  /** New submissions one reporter phone number or email may make per window. */
  @EnvNumber()
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_REPORTER = 5;

  /** The rate-limit window, seconds. */
  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(86_400)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  /** Keys Open311 clients send as `api_key` when posting; none configured, no posting. */
  @EnvList()
  @IsString({ each: true })
  OPEN311_API_KEYS: string[] = [];
}
