import type {
  AgencyLevel,
  Channel,
  ComplaintSnapshot,
  ComplaintStatus,
  ComplaintType,
  Privacy,
} from '@salur/contracts';

/** A complaint as routing owns it: the single source of its lifecycle state. */
export interface ComplaintCase {
  readonly complaintId: string;
  readonly trackingId: string;
  readonly status: ComplaintStatus;
  readonly agency: string | null;
  readonly agencyLevel: AgencyLevel | null;
  readonly regionCode: string;
  readonly category: string | null;
  readonly type: ComplaintType;
  readonly privacy: Privacy;
  readonly channel: Channel;
  readonly title: string;
  readonly body: string;
  readonly submittedAt: Date;
  readonly updatedAt: Date;
  readonly verifiedAt: Date | null;
  readonly respondedAt: Date | null;
  readonly closedAt: Date | null;
  readonly version: number;
  readonly previousAgencies: readonly string[];
}

export interface AgencyRef {
  readonly code: string;
  readonly level: AgencyLevel;
}

export class IllegalTransition extends Error {
  readonly code = 'IllegalTransition';
  constructor(
    readonly action: string,
    readonly status: ComplaintStatus,
  ) {
    super(`cannot ${action} a complaint that is ${status}`);
  }
}

/** A new case from a submission: pending verification, version 1. */
export function openCase(submission: {
  complaintId: string;
  trackingId: string;
  regionCode: string;
  category: string | null;
  type: ComplaintType;
  privacy: Privacy;
  channel: Channel;
  title: string;
  body: string;
  submittedAt: Date;
}): ComplaintCase {
  return {
    ...submission,
    status: 'pending_verification',
    agency: null,
    agencyLevel: null,
    updatedAt: submission.submittedAt,
    verifiedAt: null,
    respondedAt: null,
    closedAt: null,
    version: 1,
    previousAgencies: [],
  };
}

/** Assigns the case to the agency with authority; it now awaits that agency's follow-up. */
export function routeCase(current: ComplaintCase, agency: AgencyRef, at: Date): ComplaintCase {
  if (current.status !== 'pending_verification') {
    throw new IllegalTransition('route', current.status);
  }
  return {
    ...current,
    status: 'awaiting_follow_up',
    agency: agency.code,
    agencyLevel: agency.level,
    verifiedAt: current.verifiedAt ?? at,
    updatedAt: at,
    version: current.version + 1,
  };
}

/**
 * The state every `salur.complaint.*` event carries. A confidential complaint's body stays off
 * the topic: only the assigned agency receives it, through its own webhook.
 */
export function snapshotOf(c: ComplaintCase): ComplaintSnapshot {
  return {
    complaintId: c.complaintId,
    trackingId: c.trackingId,
    status: c.status,
    agency: c.agency,
    agencyLevel: c.agencyLevel,
    regionCode: c.regionCode,
    category: c.category,
    type: c.type,
    privacy: c.privacy,
    channel: c.channel,
    title: c.title,
    body: c.privacy === 'confidential' ? null : c.body,
    submittedAt: c.submittedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    verifiedAt: c.verifiedAt?.toISOString() ?? null,
    respondedAt: c.respondedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    version: c.version,
    previousAgencies: [...c.previousAgencies],
  };
}
