import { plannedDeadlines, replanClock, type SlaClock } from '../../domain/sla-clock';
import type { CalendarProvider, RecomputeTransaction } from '../ports';

/** What one step of the background recomputation did. */
export type RecomputeStep =
  | { readonly kind: 'idle' }
  | { readonly kind: 'progress'; readonly jobId: string; readonly recomputed: number }
  | { readonly kind: 'finished'; readonly jobId: string; readonly recomputed: number };

/**
 * After a calendar edit (holidays, an agency's working week), plans the not-yet-fired deadlines
 * of the affected running clocks again in the edited calendars, one batch per transaction: the
 * job row is claimed with `SKIP LOCKED` (one replica per job), the clocks are locked, their
 * deadlines rescheduled and the job's cursor advanced in the same transaction, so a restart
 * resumes where the last committed batch ended. Fired warnings stay fired; paused clocks are
 * planned in the current calendar when they resume; 24×7 clocks do not depend on calendars.
 */
export class RecomputeDeadlines {
  constructor(
    private readonly calendars: CalendarProvider,
    private readonly batchSize: number,
  ) {}

  async step(tx: RecomputeTransaction): Promise<RecomputeStep> {
    const job = await tx.jobs.claimNext();
    if (!job) return { kind: 'idle' };
    const clocks = await tx.clocks.runningBusinessClocks(
      job.afterClockId,
      job.agencies,
      this.batchSize,
    );
    const moved: SlaClock[] = [];
    for (const clock of clocks) {
      const replanned = replanClock(clock, this.calendars.forAgency(clock.agency, clock.calendar));
      if (replanned.dueAt.getTime() !== clock.dueAt.getTime()) moved.push(replanned);
    }
    if (moved.length > 0) {
      await tx.clocks.update(moved);
      await tx.deadlines.cancelPendingOf(moved.map((c) => c.clockId));
      // A threshold that fired already keeps its row, so it is not scheduled again.
      await tx.deadlines.schedule(
        moved.flatMap((c) => plannedDeadlines(c, this.calendars.forAgency(c.agency, c.calendar))),
      );
    }
    const recomputed = job.recomputed + moved.length;
    if (clocks.length < this.batchSize) {
      await tx.jobs.finish(job, recomputed);
      return { kind: 'finished', jobId: job.jobId, recomputed };
    }
    await tx.jobs.advance(job.jobId, clocks[clocks.length - 1].clockId, recomputed);
    return { kind: 'progress', jobId: job.jobId, recomputed };
  }
}
