import type { Logger } from 'pino';

export interface PollingLoopOptions {
  /** The wait after a step that left nothing more to do. */
  readonly pollIntervalMs: number;
  /** After a failure: `backoffBaseMs · 2^failures`, at most `maxBackoffMs`. */
  readonly backoffBaseMs: number;
  readonly maxBackoffMs: number;
  readonly logger: Pick<Logger, 'error'>;
  /** Logged with the error when a step fails. */
  readonly failureMessage: string;
}

/**
 * Runs `step` in a loop: again at once while it reports more work, else after the poll interval,
 * and with exponential backoff after failures. `stop()` cuts a wait short and waits for the step
 * under way. The loop of the SLA service's workers (deadline scheduler, recompute worker).
 */
export class PollingLoop {
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly step: () => Promise<boolean>,
    private readonly options: PollingLoopOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  private isStopping(): boolean {
    return this.stopping;
  }

  private async loop(): Promise<void> {
    const { pollIntervalMs, backoffBaseMs, maxBackoffMs, logger, failureMessage } = this.options;
    let failures = 0;
    while (!this.stopping) {
      let more = false;
      try {
        more = await this.step();
        failures = 0;
      } catch (error) {
        failures++;
        logger.error({ err: error, failures }, failureMessage);
      }
      if (!more && !this.isStopping()) {
        const delay =
          failures > 0 ? Math.min(maxBackoffMs, backoffBaseMs * 2 ** failures) : pollIntervalMs;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }
}
