import { DomainError } from '../errors/domain-error';

/** No credentials, or credentials that did not verify: 401. */
export class Unauthenticated extends DomainError {
  readonly code = 'Unauthenticated';
}

/** A verified caller without a role the operation needs: 403. */
export class Forbidden extends DomainError {
  readonly code = 'Forbidden';
}

export const AUTH_PROBLEMS = { Unauthenticated: 401, Forbidden: 403 } as const;
