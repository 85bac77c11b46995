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

  /** Running clocks recomputed per transaction after a calendar edit. */
  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(10_000)
  SLA_RECOMPUTE_BATCH_SIZE = 500;

  /** Fired deadlines and ended follow-up/auto-close clocks older than this are deleted; 0 keeps all. */
  @EnvNumber()
  @IsInt()
  @Min(0)
  @Max(36_500)
  SLA_RETENTION_DAYS = 90;

  /** Rows deleted per retention statement. */
  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(100_000)
  SLA_RETENTION_BATCH_SIZE = 5_000;
}
