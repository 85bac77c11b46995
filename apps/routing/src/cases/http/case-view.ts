import type { ComplaintSnapshot, ReporterIdentity } from '@salur/contracts';
import {
  actsForCurrentAgency,
  seesReporter,
  type AgencyHierarchy,
  type Officer,
} from '../domain/case-access';
import { snapshotOf, type ComplaintCase } from '../domain/complaint-case';
import type { SlaState } from '../domain/follow-up-deadline';

export interface CaseView extends Omit<ComplaintSnapshot, 'previousAgencies'> {
  readonly previousAgencies: readonly string[];
  readonly forwardedBy: readonly string[];
  readonly awaitingReporter: boolean;
  readonly closedBy: string | null;
  readonly rating: number | null;
  /** The earlier complaint this one repeats, as duplicate detection linked them. */
  readonly duplicateOf: string | null;
  /** The agency the reporter addressed, if any. */
  readonly targetAgency: string | null;
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
): CaseView {
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
    closedBy: c.closedBy,
    rating: c.rating,
    duplicateOf: c.duplicateOf,
    targetAgency: c.targetAgency,
    ...(seesReporter(officer) ? { reporter: c.reporter } : {}),
  };
}

/** A case in an agency's queue, with the holding agency's follow-up deadline. */
export interface QueueItemView extends CaseView {
  readonly followUp: { readonly dueAt: string; readonly state: SlaState } | null;
}
