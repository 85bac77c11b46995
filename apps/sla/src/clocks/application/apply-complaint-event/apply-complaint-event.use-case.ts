import { EventTypes } from '@salur/contracts';
import { randomUUID } from 'node:crypto';
import {
  planClockActions,
  planSubmissionClocks,
  type ClockAction,
  verificationEndedAt,
} from '../../domain/clock-transitions';
import {
  endClock,
  extendClock,
  pauseClock,
  plannedDeadlines,
  resumeClock,
  startClock,
  type SlaClock,
} from '../../domain/sla-clock';
import type { CalendarProvider, SlaTransaction } from '../ports';
import { slaEvent } from '../sla-events';
import type {
  ApplyComplaintEventCommand,
  ComplaintSubmittedCommand,
} from './apply-complaint-event.command';

/**
 * Moves a complaint's clocks after one of its `salur.complaints.v1` events and announces each
 * change on `salur.sla.v1`, in the handler's transaction. A snapshot no newer than one already
 * applied changes nothing, so redeliveries and late retries are harmless.
 */
export class ApplyComplaintEvent {
  constructor(
    private readonly calendars: CalendarProvider,
    private readonly newId: () => string = randomUUID,
  ) {}

  async execute(
    tx: SlaTransaction,
    { transition, complaint }: ApplyComplaintEventCommand,
  ): Promise<void> {
    if (!(await tx.clocks.advanceComplaint(complaint.complaintId, complaint.version))) return;
    const clocks = await tx.clocks.forComplaint(complaint.complaintId);
    const at = new Date(complaint.updatedAt);
    const actions = planClockActions({
      transition,
      at,
      agency: complaint.agency,
      agencyLevel: complaint.agencyLevel,
      clocks,
      status: complaint.status,
      submission: {
        submittedAt: new Date(complaint.submittedAt),
        verifiedAt: verificationEndedAt(complaint),
      },
    });
    await this.perform(tx, actions, clocks, at, complaint);
  }

  /**
   * Starts the submission stages (`verification`, `resolution`) a complaint has no clock of yet.
   * A submission carries no snapshot version: it is idempotent by the stages' existence, and a
   * complaint event that came first has already started them from its snapshot's `submittedAt`.
   * The complaint's row in `sla.complaints` serialises it with that complaint's other events.
   */
  async startSubmission(tx: SlaTransaction, submission: ComplaintSubmittedCommand): Promise<void> {
    await tx.clocks.lockComplaint(submission.complaintId);
    const clocks = await tx.clocks.forComplaint(submission.complaintId);
    const at = new Date(submission.submittedAt);
    const actions = planSubmissionClocks({ submittedAt: at, clocks });
    await this.perform(tx, actions, clocks, at, submission);
  }

  private async perform(
    tx: SlaTransaction,
    actions: readonly ClockAction[],
    clocks: readonly SlaClock[],
    at: Date,
    complaint: ComplaintSubmittedCommand,
  ): Promise<void> {
    const byId = new Map(clocks.map((c) => [c.clockId, c]));
    // Each change is written at once: a new clock of a stage may only start once the old one ended.
    const changed = new Map<string, SlaClock>();
    const current = (clockId: string): SlaClock => {
      const clock = changed.get(clockId) ?? byId.get(clockId);
      if (!clock) throw new Error(`clock ${clockId} vanished`);
      return clock;
    };
    const calendarOf = (clock: SlaClock) => this.calendars.forAgency(clock.agency, clock.calendar);

    for (const action of actions) {
      switch (action.kind) {
        case 'start': {
          const policy = await tx.policies.resolve({
            stage: action.stage,
            agency: action.agency,
            category: complaint.category,
            type: complaint.type,
          });
          const calendar = this.calendars.forAgency(action.agency, policy.calendar);
          const clock = startClock(
            {
              clockId: this.newId(),
              complaintId: complaint.complaintId,
              stage: action.stage,
              agency: action.agency,
              agencyLevel: action.agencyLevel,
              regionCode: complaint.regionCode,
              category: complaint.category,
              complaintType: complaint.type,
              startedAt: action.startedAt,
            },
            policy,
            calendar,
          );
          await tx.clocks.insert(clock);
          await tx.deadlines.schedule(plannedDeadlines(clock, calendar));
          await tx.publish(slaEvent(EventTypes.SlaStarted, clock, {}));
          if (action.pausedFromStart) {
            const paused = pauseClock(clock, action.startedAt, calendar);
            changed.set(paused.clockId, paused);
            await tx.clocks.update([paused]);
            await tx.deadlines.cancelPending(paused.clockId);
            await tx.publish(
              slaEvent(EventTypes.SlaPaused, paused, { pausedAt: action.startedAt.toISOString() }),
            );
          }
          if (action.endWith) {
            const ended = endClock(clock, action.endWith.at, action.endWith.outcome);
            await tx.clocks.update([ended.clock]);
            await tx.deadlines.cancelPending(clock.clockId);
            await tx.publish(
              slaEvent(EventTypes.SlaMet, ended.clock, {
                metAt: action.endWith.at.toISOString(),
                withinSla: ended.withinSla,
              }),
            );
          }
          break;
        }
        case 'pause': {
          const clock = pauseClock(
            current(action.clockId),
            at,
            calendarOf(current(action.clockId)),
          );
          changed.set(clock.clockId, clock);
          await tx.clocks.update([clock]);
          await tx.deadlines.cancelPending(clock.clockId);
          await tx.publish(slaEvent(EventTypes.SlaPaused, clock, { pausedAt: at.toISOString() }));
          break;
        }
        case 'resume': {
          const before = current(action.clockId);
          const calendar = calendarOf(before);
          const clock = resumeClock(before, at, calendar);
          changed.set(clock.clockId, clock);
          await tx.clocks.update([clock]);
          await tx.deadlines.schedule(plannedDeadlines(clock, calendar, []));
          await tx.publish(
            slaEvent(EventTypes.SlaResumed, clock, {
              resumedAt: (clock.segmentStartedAt ?? at).toISOString(),
            }),
          );
          break;
        }
        case 'extend': {
          const before = current(action.clockId);
          const calendar = calendarOf(before);
          const clock = extendClock(before, at, calendar);
          changed.set(clock.clockId, clock);
          await tx.clocks.update([clock]);
          // Deadlines not yet fired move; a warning that already fired stays fired.
          await tx.deadlines.cancelPending(clock.clockId);
          await tx.deadlines.schedule(plannedDeadlines(clock, calendar));
          break;
        }
        case 'end': {
          const { clock, withinSla } = endClock(current(action.clockId), at, action.outcome);
          changed.set(clock.clockId, clock);
          await tx.clocks.update([clock]);
          await tx.deadlines.cancelPending(clock.clockId);
          await tx.publish(
            slaEvent(EventTypes.SlaMet, clock, { metAt: at.toISOString(), withinSla }),
          );
          break;
        }
      }
    }
  }
}
