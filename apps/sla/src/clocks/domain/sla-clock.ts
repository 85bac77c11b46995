import type { AgencyLevel, SlaStage } from '@salur/contracts';

export type ClockStatus = 'running' | 'paused' | 'met' | 'breached' | 'stopped';

/** A deadline being watched: one per complaint, stage and (for follow-up) agency. */
export interface SlaClock {
  readonly clockId: string;
  readonly complaintId: string;
  readonly stage: SlaStage;
  readonly agency: string | null;
  readonly agencyLevel: AgencyLevel | null;
  readonly regionCode: string;
  readonly policyVersion: number;
  readonly startedAt: Date;
  readonly dueAt: Date;
  readonly status: ClockStatus;
}

/** How long a stage may take (ISO 8601) and in which calendar it is counted. */
export interface StagePolicy {
  readonly stage: SlaStage;
  readonly duration: string;
  readonly calendar: 'business' | '24x7';
  readonly version: number;
}

/** Answers a deadline in an agency's business time (its zone, working hours and holidays). */
export interface DeadlineCalculator {
  dueAt(agency: string | null, start: Date, policy: StagePolicy): Date;
}

/**
 * The follow-up defaults of DESIGN.md: 5 working days for complaints and aspirations, 10 for
 * information requests (UU 14/2008), counted in the agency's business calendar.
 */
export function followUpPolicy(type: string): StagePolicy {
  return {
    stage: 'follow_up',
    duration: type === 'information_request' ? 'P10D' : 'P5D',
    calendar: 'business',
    version: 1,
  };
}

/** A new follow-up clock for the agency a complaint was just assigned to. */
export function startFollowUpClock(
  input: {
    clockId: string;
    complaintId: string;
    type: string;
    agency: string;
    agencyLevel: AgencyLevel;
    regionCode: string;
    startedAt: Date;
  },
  deadlines: DeadlineCalculator,
): SlaClock {
  const policy = followUpPolicy(input.type);
  return {
    clockId: input.clockId,
    complaintId: input.complaintId,
    stage: 'follow_up',
    agency: input.agency,
    agencyLevel: input.agencyLevel,
    regionCode: input.regionCode,
    policyVersion: policy.version,
    startedAt: input.startedAt,
    dueAt: deadlines.dueAt(input.agency, input.startedAt, policy),
    status: 'running',
  };
}
