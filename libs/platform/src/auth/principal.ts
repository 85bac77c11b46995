/** Roles of DESIGN.md ("Auth"). */
export const ROLES = [
  'verifier',
  'agency_operator',
  'agency_supervisor',
  'oncall',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified JWT. */
export interface Principal {
  readonly subject: string;
  readonly roles: readonly Role[];
  /** The agency code an agency role acts for; absent for national roles. */
  readonly agency?: string;
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return roles.length === 0 || principal.roles.some((role) => roles.includes(role));
}
