import { Injectable } from '@nestjs/common';

/**
 * Whether this process has begun shutting down, and by when it must be done. Set first thing on
 * SIGTERM, so probes report it (readiness 503) while in-flight work drains; the deadline is set
 * when the listener closes, so shutdown steps (the last outbox flush) can fit in what is left.
 */
@Injectable()
export class ServiceLifecycle {
  private shuttingDown = false;
  private deadline: number | undefined;

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  beginShutdown(): void {
    this.shuttingDown = true;
  }

  /** The instant (epoch ms) by which shutdown must have finished; the process is ended then. */
  setShutdownDeadline(deadline: number): void {
    this.deadline = deadline;
  }

  /** Milliseconds left until the shutdown deadline; Infinity while none is set. */
  remainingShutdownMs(now = Date.now()): number {
    return this.deadline === undefined ? Infinity : Math.max(0, this.deadline - now);
  }
}
