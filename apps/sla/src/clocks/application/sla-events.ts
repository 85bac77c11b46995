import { type EventType, type NewEvent, type SlaClockData } from '@salur/contracts';
import type { SlaClock } from '../domain/sla-clock';

/** The fields every `salur.sla.*` event carries, from a clock. */
export function clockData(clock: SlaClock): SlaClockData {
  return {
    clockId: clock.clockId,
    complaintId: clock.complaintId,
    stage: clock.stage,
    agency: clock.agency,
    agencyLevel: clock.agency === null ? null : clock.agencyLevel,
    regionCode: clock.regionCode,
    policyVersion: clock.policyVersion,
    startedAt: clock.startedAt.toISOString(),
    dueAt: clock.dueAt.toISOString(),
  };
}

/** An SLA event of the clock's complaint, keyed and tagged like every Salur event. */
export function slaEvent(
  type: EventType,
  clock: SlaClock,
  data: object,
): NewEvent<unknown, EventType> {
  return {
    type,
    subject: clock.complaintId,
    ...(clock.agency !== null ? { agency: clock.agency } : {}),
    region: clock.regionCode,
    data: { ...clockData(clock), ...data },
  };
}
