import type {
  AgencyLevel,
  Channel,
  ClosedBy,
  ComplaintSnapshot,
  ComplaintStatus,
  ComplaintType,
  Privacy,
  ReporterIdentity,
} from '@salur/contracts';
import { PRIVACY_RANK } from '@salur/contracts';
import { DomainError } from '@salur/platform';
import type { SlaState } from './follow-up-deadline';

/** How many earlier agencies a snapshot lists (the contract's cap); the case keeps them all. */
export const SNAPSHOT_PREVIOUS_AGENCIES = 50;

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
  /** Every agency that held the case before the current one, oldest first. */
  readonly previousAgencies: readonly string[];
  /** Agencies that forwarded the case away: it may not be forwarded back to them. */
  readonly forwardedBy: readonly string[];
  /** True between an information request and the reporter's reply. */
  readonly awaitingReporter: boolean;
  /** The agency holding the case extended its follow-up period (information requests, once). */
  readonly extensionGranted: boolean;
  readonly closedBy: ClosedBy | null;
  readonly rating: number | null;
  /** What the reporter said about themselves; shown to verifiers only, never in an event. */
  readonly reporter: ReporterIdentity | null;
  /** A hash of the reporter's contact, to recognise their repeated submissions. */
  readonly reporterKey: string | null;
  /** The earlier complaint this one repeats, when duplicate detection linked them. */
  readonly duplicateOf: string | null;
  /** The agency the reporter addressed; a verifier honours it by routing there. */
  readonly targetAgency: string | null;
  /** A verifier set the submission aside ("tunda") until then; verify and reject clear it. */
  readonly postponement: Postponement | null;
}

/** Why a verifier sets a submission aside; `other` needs a note. */
export const POSTPONE_REASONS = [
  'awaiting_clarification',
  'needs_coordination',
  'outside_working_hours',
  'other',
] as const;
export type PostponeReason = (typeof POSTPONE_REASONS)[number];

/** How far ahead a verifier may postpone a submission. */
export const MAX_POSTPONE_DAYS = 30;
const MAX_POSTPONE_MS = MAX_POSTPONE_DAYS * 24 * 60 * 60 * 1000;

export interface Postponement {
  readonly until: Date;
  readonly reason: PostponeReason;
  readonly note: string | null;
  /** The verifier (or admin) who postponed it, and when. */
  readonly by: string;
  readonly at: Date;
}

export interface AgencyRef {
  readonly code: string;
  readonly level: AgencyLevel;
}

/** The status does not allow the action; the message (and the problem) names the status. */
export class IllegalTransition extends DomainError {
  readonly code = 'IllegalTransition';
  constructor(
    readonly action: string,
    readonly status: ComplaintStatus,
  ) {
    super(`cannot ${action} a complaint that is ${status}`, { details: { currentStatus: status } });
  }
}

/** A transition that the status allows but its arguments do not (forward to itself, say). */
export class TransitionRefused extends DomainError {
  readonly code = 'TransitionRefused';
}

/** The actions of the lifecycle, each with the statuses it may start from. */
export const TRANSITIONS = {
  verify: ['pending_verification'],
  reject: ['pending_verification'],
  route: ['pending_verification'],
  postpone: ['pending_verification'],
  acknowledge: ['awaiting_follow_up'],
  'request info from': ['awaiting_follow_up', 'in_progress'],
  'record a reply on': ['in_progress'],
  extend: ['awaiting_follow_up', 'in_progress'],
  respond: ['awaiting_follow_up', 'in_progress'],
  forward: ['awaiting_follow_up', 'in_progress'],
  escalate: ['awaiting_follow_up', 'in_progress'],
  confirm: ['responded'],
  'auto-close': ['responded'],
  reopen: ['responded', 'closed'],
} as const satisfies Record<string, readonly ComplaintStatus[]>;

export type LifecycleAction = keyof typeof TRANSITIONS;

/** Whether `action` may start from the case's status. */
export function allows(action: LifecycleAction, status: ComplaintStatus): boolean {
  return (TRANSITIONS[action] as readonly ComplaintStatus[]).includes(status);
}

function guard(action: LifecycleAction, current: ComplaintCase): void {
  if (!allows(action, current.status)) throw new IllegalTransition(action, current.status);
}

function next(current: ComplaintCase, at: Date, changes: Partial<ComplaintCase>): ComplaintCase {
  return { ...current, ...changes, updatedAt: at, version: current.version + 1 };
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
  reporter?: ReporterIdentity | null;
  reporterKey?: string | null;
  targetAgency?: string | null;
}): ComplaintCase {
  return {
    ...submission,
    reporter: submission.reporter ?? null,
    reporterKey: submission.reporterKey ?? null,
    duplicateOf: null,
    targetAgency: submission.targetAgency ?? null,
    postponement: null,
    status: 'pending_verification',
    agency: null,
    agencyLevel: null,
    updatedAt: submission.submittedAt,
    verifiedAt: null,
    respondedAt: null,
    closedAt: null,
    version: 1,
    previousAgencies: [],
    forwardedBy: [],
    awaitingReporter: false,
    extensionGranted: false,
    closedBy: null,
    rating: null,
  };
}

export interface Classification {
  readonly category: string;
  readonly type: ComplaintType;
  /** Omitted: the reporter's choice stands. */
  readonly privacy?: Privacy;
}

/**
 * A verifier (or auto-verification) accepts the submission and fixes its classification. The
 * case stays pending until it is routed, which follows in the same transaction. Privacy may be
 * raised, never lowered.
 */
export function verifyCase(current: ComplaintCase, c: Classification, at: Date): ComplaintCase {
  guard('verify', current);
  if (current.verifiedAt !== null) throw new IllegalTransition('verify', current.status);
  const privacy = c.privacy ?? current.privacy;
  if (PRIVACY_RANK[privacy] < PRIVACY_RANK[current.privacy]) {
    throw new TransitionRefused(
      `privacy may be raised, never lowered: the complaint is ${current.privacy}, not ${privacy}`,
    );
  }
  return next(current, at, {
    category: c.category,
    type: c.type,
    privacy,
    verifiedAt: at,
    postponement: null,
  });
}

/** A postponement the window or the reasons do not allow (in the past, too far ahead, no note). */
export class PostponementRefused extends DomainError {
  readonly code = 'PostponementRefused';
  constructor(field: 'until' | 'note', message: string) {
    super(`${field} ${message}`, { details: { errors: [{ field, message }] } });
  }
}

/**
 * A verifier sets a pending submission aside ("tunda") until a later instant, at most
 * `MAX_POSTPONE_DAYS` ahead, with a reason from `POSTPONE_REASONS` (`other` needs a note). It
 * stays pending, and may still be verified or rejected at any time, which clears the
 * postponement. Postponing again replaces the earlier postponement. No `salur.complaint.*`
 * event reports it (the catalogue has none), so, as with a reporter's reply, the version and
 * `updatedAt` do not move: the snapshots on the topic stay one version per event.
 */
export function postponeCase(
  current: ComplaintCase,
  p: { until: Date; reason: PostponeReason; note?: string | null; by: string },
  at: Date,
): ComplaintCase {
  guard('postpone', current);
  if (current.verifiedAt !== null) throw new IllegalTransition('postpone', current.status);
  if (p.until.getTime() <= at.getTime()) {
    throw new PostponementRefused('until', 'must be in the future');
  }
  if (p.until.getTime() - at.getTime() > MAX_POSTPONE_MS) {
    throw new PostponementRefused('until', `must be at most ${MAX_POSTPONE_DAYS} days ahead`);
  }
  const note = p.note?.trim() ? p.note : null;
  if (p.reason === 'other' && note === null) {
    throw new PostponementRefused('note', 'is required when the reason is other');
  }
  return {
    ...current,
    postponement: { until: p.until, reason: p.reason, note, by: p.by, at },
  };
}

/** Whether the case is set aside at `now`: a default verifier queue leaves it out until then. */
export function isPostponed(c: ComplaintCase, now: Date): boolean {
  return (
    c.status === 'pending_verification' &&
    c.postponement !== null &&
    c.postponement.until.getTime() > now.getTime()
  );
}

/**
 * Links a pending submission to the earlier complaint it repeats, so it is not routed twice. No
 * event: the link is for verifiers; rejecting it as a duplicate is what the reporter hears of.
 */
export function linkDuplicate(current: ComplaintCase, originalId: string): ComplaintCase {
  if (current.status !== 'pending_verification') {
    throw new IllegalTransition('link as a duplicate', current.status);
  }
  return { ...current, duplicateOf: originalId };
}

/** A verifier archives the submission ("diarsipkan"). */
export function rejectCase(current: ComplaintCase, at: Date): ComplaintCase {
  guard('reject', current);
  return next(current, at, { status: 'rejected', postponement: null });
}

/** Assigns a verified case to the agency with authority; it now awaits that agency's follow-up. */
export function routeCase(current: ComplaintCase, agency: AgencyRef, at: Date): ComplaintCase {
  guard('route', current);
  if (current.verifiedAt === null) throw new IllegalTransition('route', current.status);
  return next(current, at, {
    status: 'awaiting_follow_up',
    agency: agency.code,
    agencyLevel: agency.level,
  });
}

/** The assigned agency takes the case up. */
export function acknowledgeCase(current: ComplaintCase, at: Date): ComplaintCase {
  guard('acknowledge', current);
  return next(current, at, { status: 'in_progress' });
}

/** The agency asks the reporter for information; its follow-up clock pauses until the reply. */
export function requestInfo(current: ComplaintCase, at: Date): ComplaintCase {
  guard('request info from', current);
  if (current.awaitingReporter) {
    throw new TransitionRefused('the agency is already waiting for the reporter to reply');
  }
  return next(current, at, { status: 'in_progress', awaitingReporter: true });
}

/**
 * The reporter answered the agency's information request: the case stops waiting for the
 * reporter (a new version, reported by `salur.complaint.info-received.v1`, on which the paused
 * follow-up clock resumes). Null when it was not waiting: a reply that adds information unasked
 * changes nothing and publishes nothing.
 */
export function recordReporterReply(current: ComplaintCase, at: Date): ComplaintCase | null {
  if (!current.awaitingReporter) return null;
  guard('record a reply on', current);
  // The reply's instant comes from intake; a snapshot never goes back in time.
  const when = at.getTime() < current.updatedAt.getTime() ? current.updatedAt : at;
  return next(current, when, { awaitingReporter: false });
}

/** Which rule of the information-request extension a refusal names. */
export type ExtensionRule = 'information_request_only' | 'once_per_assignment' | 'clock_running';

/** An extension the rules do not allow (409, naming the rule). */
export class ExtensionRefused extends DomainError {
  readonly code = 'ExtensionRefused';
  constructor(
    readonly rule: ExtensionRule,
    message: string,
  ) {
    super(message, { details: { rule } });
  }
}

/**
 * The agency extends its follow-up period (UU 14/2008: an information request's 10 working days,
 * "+7 once on extension"): only for an information request, once per agency assignment (a forward
 * or an escalation gives the next agency its own), and only while its follow-up clock runs, i.e.
 * not while it waits for the reporter and not once the deadline was breached. `clock` is routing's
 * copy of that clock's state, null before the SLA service reported it.
 */
export function grantExtension(
  current: ComplaintCase,
  clock: SlaState | null,
  at: Date,
): ComplaintCase {
  guard('extend', current);
  if (current.type !== 'information_request') {
    throw new ExtensionRefused(
      'information_request_only',
      `only an information request may be extended; this complaint is a ${current.type}`,
    );
  }
  if (current.extensionGranted) {
    throw new ExtensionRefused(
      'once_per_assignment',
      `${current.agency ?? 'the agency'} has already extended this information request once`,
    );
  }
  if (current.awaitingReporter || clock === 'paused') {
    throw new ExtensionRefused(
      'clock_running',
      'the follow-up clock is paused while the agency waits for the reporter; it cannot be extended',
    );
  }
  if (clock === 'breached' || clock === 'met') {
    throw new ExtensionRefused(
      'clock_running',
      `the follow-up clock is ${clock}; only a running clock can be extended`,
    );
  }
  return next(current, at, { extensionGranted: true });
}

/** The agency posts its follow-up (tindak lanjut). */
export function respondCase(current: ComplaintCase, at: Date): ComplaintCase {
  guard('respond', current);
  return next(current, at, { status: 'responded', respondedAt: at, awaitingReporter: false });
}

function handOver(current: ComplaintCase, to: AgencyRef, at: Date): Partial<ComplaintCase> {
  return {
    status: 'awaiting_follow_up',
    agency: to.code,
    agencyLevel: to.level,
    awaitingReporter: false,
    extensionGranted: false,
    previousAgencies: current.agency
      ? [...current.previousAgencies, current.agency]
      : current.previousAgencies,
    updatedAt: at,
  };
}

/**
 * Not this agency's authority ("bukan wewenang"): the case goes to another agency. It may not go
 * back to an agency that already forwarded it, unless a verifier sends it there
 * (`byVerifier`), which is how a verifier settles a dispute between two agencies.
 */
export function forwardCase(
  current: ComplaintCase,
  to: AgencyRef,
  at: Date,
  options: { readonly byVerifier: boolean },
): ComplaintCase {
  guard('forward', current);
  if (to.code === current.agency) {
    throw new TransitionRefused(`the complaint is already with ${to.code}`);
  }
  if (!options.byVerifier && current.forwardedBy.includes(to.code)) {
    throw new TransitionRefused(
      `${to.code} already forwarded this complaint; only a verifier can send it back there`,
    );
  }
  const from = current.agency;
  return next(current, at, {
    ...handOver(current, to, at),
    forwardedBy:
      from && !current.forwardedBy.includes(from)
        ? [...current.forwardedBy, from]
        : current.forwardedBy,
  });
}

/** To the parent agency (regency/city → province → national), by the agency or an SLA breach. */
export function escalateCase(
  current: ComplaintCase,
  parent: AgencyRef | null,
  at: Date,
): ComplaintCase {
  guard('escalate', current);
  if (parent === null) {
    throw new TransitionRefused(`${current.agency ?? 'this agency'} has no agency above it`);
  }
  return next(current, at, handOver(current, parent, at));
}

/** The reporter accepts the response, with a 1–5 rating. */
export function confirmCase(current: ComplaintCase, rating: number, at: Date): ComplaintCase {
  guard('confirm', current);
  return next(current, at, { status: 'closed', closedAt: at, closedBy: 'reporter', rating });
}

/** The reporter stayed silent after the response until the auto-close deadline. */
export function autoCloseCase(current: ComplaintCase, at: Date): ComplaintCase {
  guard('auto-close', current);
  return next(current, at, { status: 'closed', closedAt: at, closedBy: 'auto_close' });
}

/** The reporter is not satisfied: back to the agency, in progress. */
export function reopenCase(current: ComplaintCase, at: Date): ComplaintCase {
  guard('reopen', current);
  return next(current, at, {
    status: 'in_progress',
    closedAt: null,
    closedBy: null,
    rating: null,
  });
}

/**
 * The state every `salur.complaint.*` event carries. A confidential complaint's body stays off
 * the topic: only the assigned agency receives it, through its own webhook. The reporter's
 * identity is never part of it.
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
    previousAgencies: c.previousAgencies.slice(-SNAPSHOT_PREVIOUS_AGENCIES),
  };
}
