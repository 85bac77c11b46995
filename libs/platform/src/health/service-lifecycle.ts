import { Injectable } from '@nestjs/common';

/**
 * Whether this process has begun shutting down. Set first thing on SIGTERM, so probes report it
 * (readiness 503) while in-flight work drains.
 */
@Injectable()
export class ServiceLifecycle {
  private shuttingDown = false;

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  beginShutdown(): void {
    this.shuttingDown = true;
  }
}
