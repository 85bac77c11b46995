import { EventTypes, type EventType, type NewEvent } from '@salur/contracts';
import {
  fireDeadline,
  msToIsoDuration,
  remainingMs,
  type PlannedDeadline,
  type SlaClock,
} from '../../domain/sla-clock';
import type { CalendarProvider, SchedulerTransaction } from '../ports';
import { slaEvent } from '../sla-events';

export interface FireDueDeadlinesOptions {
  /** A deadline fired more than this long after it fell due is marked `late`. */
  readonly lateAfterMs: number;
  /** Whether a breached agency has someone to escalate to (national triage has not). */
  readonly canEscalate: (agency: string) => boolean;
}

/** One fired deadline, for metrics and the live stream. */
export interface FiredDeadline {
  readonly deadline: PlannedDeadline;
  readonly clock: SlaClock;
  readonly lagMs: number;
  readonly late: boolean;
  /** False when the clock had moved on (paused, ended) and nothing was announced. */
  readonly announced: boolean;
}

/**
 * Fires the deadlines that fell due, in the scheduler's transaction: each claimed deadline is
 * marked fired and its events written to the outbox together, so it fires once whatever the
 * number of schedulers. Warnings, breaches (with an escalation request for follow-up) and
 * auto-close due; after downtime, in due order and marked late.
 */
export class FireDueDeadlines {
  constructor(
    private readonly calendars: CalendarProvider,
    private readonly options: FireDueDeadlinesOptions,
  ) {}

  async execute(tx: SchedulerTransaction, now: Date, limit: number): Promise<FiredDeadline[]> {
    const claimed = await tx.claims.claimDue(now, limit);
    if (claimed.length === 0) return [];
    const clocks = new Map<string, SlaClock>();
    const changed = new Map<string, SlaClock>();
    const events: NewEvent<unknown, EventType>[] = [];
    const fired: FiredDeadline[] = [];
    for (const { deadline, clock: claimedClock } of claimed) {
      const clock = clocks.get(claimedClock.clockId) ?? claimedClock;
      const lagMs = Math.max(0, now.getTime() - deadline.fireAt.getTime());
      const late = lagMs > this.options.lateAfterMs;
      const after = fireDeadline(clock, deadline);
      if (after === null) {
        fired.push({ deadline, clock, lagMs, late, announced: false });
        continue;
      }
      clocks.set(after.clockId, after);
      changed.set(after.clockId, after);
      events.push(...this.eventsFor(deadline, after, late));
      fired.push({ deadline, clock: after, lagMs, late, announced: true });
    }
    await tx.claims.markFired(
      claimed.map((c) => c.deadline),
      now,
    );
    if (changed.size > 0) await tx.clocks.update([...changed.values()]);
    if (events.length > 0) await tx.publish(...events);
    return fired;
  }

  private eventsFor(
    deadline: PlannedDeadline,
    clock: SlaClock,
    late: boolean,
  ): NewEvent<unknown, EventType>[] {
    const at = deadline.fireAt.toISOString();
    switch (deadline.kind) {
      case 'warning': {
        const calendar = this.calendars.forAgency(clock.agency, clock.calendar);
        return [
          slaEvent(EventTypes.SlaWarning, clock, {
            late,
            threshold: deadline.threshold,
            reachedAt: at,
            remaining: msToIsoDuration(remainingMs(clock, deadline.fireAt, calendar)),
          }),
        ];
      }
      case 'breach': {
        const events = [slaEvent(EventTypes.SlaBreached, clock, { late, breachedAt: at })];
        if (
          clock.stage === 'follow_up' &&
          clock.agency !== null &&
          this.options.canEscalate(clock.agency)
        ) {
          events.push(
            slaEvent(EventTypes.SlaEscalationRequested, clock, {
              late,
              fromAgency: clock.agency,
              breachedAt: at,
              reason: `follow-up deadline ${at} passed without a response`,
            }),
          );
        }
        return events;
      }
      case 'auto_close_due':
        return [slaEvent(EventTypes.SlaAutoCloseDue, clock, { late })];
    }
  }
}
