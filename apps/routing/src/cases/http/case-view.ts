import type { ComplaintSnapshot, ReporterIdentity } from '@salur/contracts';
import {
  actsForCurrentAgency,
  seesReporter,
  type AgencyHierarchy,
  type Officer,
} from '../domain/case-access';
import {
  isPostponed,
  snapshotOf,
  type ComplaintCase,
  type PostponeReason,
} from '../domain/complaint-case';
import type { SlaState } from '../domain/follow-up-deadline';

export interface CaseView extends Omit<ComplaintSnapshot, 'previousAgencies'> {
  readonly previousAgencies: readonly string[];
  readonly forwardedBy: readonly string[];
  readonly awaitingReporter: boolean;
  /** The holding agency extended its follow-up period (information requests, once). */
  readonly extensionGranted: boolean;
  readonly closedBy: string | null;
  readonly rating: number | null;
  /** The earlier complaint this one repeats, as duplicate detection linked them. */
  readonly duplicateOf: string | null;
  /** The agency the reporter addressed, if any. */
  readonly targetAgency: string | null;
  /**
   * A verifier's postponement ("tunda") while the submission is pending: until when and why.
   * Null when there is none; kept after `until` passes, until a verifier verifies or rejects.
   */
  readonly postponement: {
    readonly until: string;
    readonly reason: PostponeReason;
    readonly note: string | null;
    readonly by: string;
    readonly at: string;
  } | null;
  /** `postponement.until` while it is still ahead, else null. */
  readonly postponedUntil: string | null;
  /** Verifiers only. */
  readonly reporter?: ReporterIdentity | null;
}

/**
 * A case as the caller may see it: a confidential body only for verifiers and the agency that
 * holds it now, the reporter's identity only for verifiers.
 */
export function caseViewFor(
  officer: Officer,
  c: ComplaintCase,
  hierarchy: AgencyHierarchy,
  now: Date = new Date(),
): CaseView {
  const p = c.postponement;
  const seesBody =
    c.privacy !== 'confidential' ||
    officer.roles.includes('verifier') ||
    actsForCurrentAgency(officer, c, hierarchy);
  return {
    ...snapshotOf(c),
    body: seesBody ? c.body : null,
    previousAgencies: c.previousAgencies,
    forwardedBy: c.forwardedBy,
    awaitingReporter: c.awaitingReporter,
    extensionGranted: c.extensionGranted,
    closedBy: c.closedBy,
    rating: c.rating,
    duplicateOf: c.duplicateOf,
    targetAgency: c.targetAgency,
    postponement: p
      ? {
          until: p.until.toISOString(),
          reason: p.reason,
          note: p.note,
          by: p.by,
          at: p.at.toISOString(),
        }
      : null,
    postponedUntil: p && isPostponed(c, now) ? p.until.toISOString() : null,
    ...(seesReporter(officer) ? { reporter: c.reporter } : {}),
  };
}

/** A case in an agency's queue, with the holding agency's follow-up deadline. */
export interface QueueItemView extends CaseView {
  readonly followUp: { readonly dueAt: string; readonly state: SlaState } | null;
}
