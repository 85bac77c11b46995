import type { ComplaintCase } from './complaint-case';

/** The caller as routing sees it: the JWT's subject, roles and agency. */
export interface Officer {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly agency?: string;
}

/** Where an agency sits: whether one agency lies below another. */
export interface AgencyHierarchy {
  isDescendantOf(code: string, ancestorCode: string): boolean;
}

const NATIONAL_READERS = ['verifier', 'admin', 'oncall'];

function reaches(officer: Officer, code: string, hierarchy: AgencyHierarchy): boolean {
  if (officer.agency === undefined) return false;
  if (code === officer.agency) return true;
  return (
    officer.roles.includes('agency_supervisor') && hierarchy.isDescendantOf(code, officer.agency)
  );
}

/**
 * Whether the officer may see the case (DESIGN.md, "HTTP"): national roles see every case; an
 * agency role sees those currently or previously assigned to its agency, a supervisor also those
 * of the agencies below its own. Anything else is answered as if the case did not exist.
 */
export function canRead(officer: Officer, c: ComplaintCase, hierarchy: AgencyHierarchy): boolean {
  if (officer.roles.some((role) => NATIONAL_READERS.includes(role))) return true;
  const involved = c.agency ? [...c.previousAgencies, c.agency] : c.previousAgencies;
  return involved.some((code) => reaches(officer, code, hierarchy));
}

/**
 * Whether the officer may act for the agency that holds the case now: its own agency, or for a
 * supervisor an agency below it. An agency that held it before may read it, but no longer act.
 */
export function actsForCurrentAgency(
  officer: Officer,
  c: ComplaintCase,
  hierarchy: AgencyHierarchy,
): boolean {
  if (!officer.roles.includes('agency_operator') && !officer.roles.includes('agency_supervisor')) {
    return false;
  }
  return c.agency !== null && reaches(officer, c.agency, hierarchy);
}

/**
 * Whether the officer may read an agency's queue: national roles any, an agency role its own, a
 * supervisor also those of the agencies below its own.
 */
export function canReadQueue(
  officer: Officer,
  agency: string,
  hierarchy: AgencyHierarchy,
): boolean {
  if (officer.roles.some((role) => NATIONAL_READERS.includes(role))) return true;
  return reaches(officer, agency, hierarchy);
}

/** Whether the officer may see the reporter's identity: only verifiers, and only then. */
export function seesReporter(officer: Officer): boolean {
  return officer.roles.includes('verifier');
}
