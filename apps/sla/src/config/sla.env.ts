import { BaseServiceEnv, EnvBoolean, EnvNumber } from '@salur/platform';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';

/** The SLA service's configuration: the shared variables and the scheduler's. */
export class SlaEnv extends BaseServiceEnv {
  override PORT = 3003;

  /** Whether this replica fires deadlines; any number of replicas may. */
  @EnvBoolean()
  @IsBoolean()
  SLA_SCHEDULER_ENABLED = true;

  /** Deadlines claimed per scheduler transaction. */
  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(10_000)
  SLA_SCHEDULER_BATCH_SIZE = 500;

  /** Longest wait between two looks for due deadlines when the last batch was not full. */
  @EnvNumber()
  @IsInt()
  @Min(10)
  @Max(60_000)
  SLA_SCHEDULER_POLL_MS = 200;

  /** A deadline fired more than this long after it fell due is marked `late`. */
  @EnvNumber()
  @IsInt()
  @Min(0)
  SLA_LATE_AFTER_MS = 30_000;
}
