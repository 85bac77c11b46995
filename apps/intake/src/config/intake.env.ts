import { BaseServiceEnv, EnvNumber } from '@salur/platform';
import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';

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
}
