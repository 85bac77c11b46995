import { DomainError } from '@salur/platform';

export class ComplaintNotFound extends DomainError {
  readonly code = 'ComplaintNotFound';
  constructor(complaintId: string) {
    super(`no complaint ${complaintId} is visible to you`);
  }
}

/** The caller may see the case (its agency held it before) but no longer act on it. */
export class NotAssignedToYou extends DomainError {
  readonly code = 'NotAssignedToYou';
  constructor(agency: string | null) {
    super(`the complaint is now with ${agency ?? 'no agency'}; only that agency can act on it`);
  }
}

export class UnknownAgency extends DomainError {
  readonly code = 'UnknownAgency';
  constructor(code: string) {
    super(`${code} is not an active agency`, {
      details: { errors: [{ field: 'agency', message: `${code} is not an active agency` }] },
    });
  }
}

/** An agency the caller may not see, or that does not exist: the same answer for both. */
export class AgencyNotFound extends DomainError {
  readonly code = 'AgencyNotFound';
  constructor(code: string) {
    super(`no agency ${code} is visible to you`);
  }
}

/** A rule set an admin sent cannot be used (a rule targets an unknown agency, ids repeat). */
export class RuleSetInvalid extends DomainError {
  readonly code = 'RuleSetInvalid';
}

/** Someone saved a rule set version since the one this change is based on. */
export class RuleSetConflict extends DomainError {
  readonly code = 'RuleSetConflict';
}

/** The case changed since the version the caller acted on. */
export class VersionMismatch extends DomainError {
  readonly code = 'VersionMismatch';
  constructor(expected: number, actual: number) {
    super(`the complaint is at version ${actual}, not ${expected}; reload it and decide again`, {
      details: { currentVersion: actual },
    });
  }
}

/** Error codes of the routing cases module and how HTTP answers them. */
export const ROUTING_PROBLEMS = {
  ComplaintNotFound: 404,
  IllegalTransition: 409,
  TransitionRefused: 409,
  ExtensionRefused: 409,
  PostponementRefused: 422,
  NotAssignedToYou: 403,
  UnknownAgency: 422,
  AgencyNotFound: 404,
  AgencyChangeRefused: 422,
  RuleSetInvalid: 422,
  RuleSetConflict: 409,
  VersionMismatch: 412,
} as const;
