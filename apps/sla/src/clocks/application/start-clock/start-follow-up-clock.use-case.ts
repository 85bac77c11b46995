import { EventTypes, type SlaStartedData } from '@salur/contracts';
import { randomUUID } from 'node:crypto';
import { startFollowUpClock, type DeadlineCalculator, type SlaClock } from '../../domain/sla-clock';
import type { SlaTransaction } from '../ports';
import type { StartFollowUpClockCommand } from './start-follow-up-clock.command';

/** Starts the assigned agency's follow-up clock and announces its deadline. */
export class StartFollowUpClock {
  constructor(private readonly deadlines: DeadlineCalculator) {}

  async execute(
    tx: SlaTransaction,
    { complaint, assignedAt }: StartFollowUpClockCommand,
  ): Promise<void> {
    if (!complaint.agency || !complaint.agencyLevel) return;
    const clock = startFollowUpClock(
      {
        clockId: randomUUID(),
        complaintId: complaint.complaintId,
        type: complaint.type,
        agency: complaint.agency,
        agencyLevel: complaint.agencyLevel,
        regionCode: complaint.regionCode,
        startedAt: assignedAt,
      },
      this.deadlines,
    );
    if (!(await tx.clocks.insertIfAbsent(clock))) return;
    await tx.publish({
      type: EventTypes.SlaStarted,
      subject: clock.complaintId,
      agency: complaint.agency,
      region: clock.regionCode,
      data: startedPayload(clock),
    });
  }
}

function startedPayload(clock: SlaClock): SlaStartedData {
  return {
    clockId: clock.clockId,
    complaintId: clock.complaintId,
    stage: clock.stage,
    agency: clock.agency,
    agencyLevel: clock.agencyLevel,
    regionCode: clock.regionCode,
    policyVersion: clock.policyVersion,
    startedAt: clock.startedAt.toISOString(),
    dueAt: clock.dueAt.toISOString(),
  };
}
