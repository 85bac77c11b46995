import {
  NATIONAL_TRIAGE_AGENCY,
  provinceCodeOf,
  regencyCodeOf,
  type RoutingReason,
} from '@salur/contracts';
import type { AgencyRef } from './complaint-case';

/** The agencies routing can assign, by code; only active ones are found. */
export interface AgencyLookup {
  find(code: string): AgencyRef | undefined;
}

export interface Disposition {
  readonly agency: AgencyRef;
  readonly reason: Extract<RoutingReason, 'region_default' | 'national_triage'>;
}

/**
 * The default when no rule applies (DESIGN.md): the government of the regency/city of the
 * location; a location known only to the province goes to the province's government; what
 * neither can take goes to national triage.
 */
export function defaultDisposition(regionCode: string, agencies: AgencyLookup): Disposition {
  const regency = regencyCodeOf(regionCode);
  const regencyGovernment = regency ? agencies.find(`pemda-${regency}`) : undefined;
  if (regencyGovernment) return { agency: regencyGovernment, reason: 'region_default' };
  const provinceGovernment = agencies.find(`pemda-${provinceCodeOf(regionCode)}`);
  if (provinceGovernment) return { agency: provinceGovernment, reason: 'region_default' };
  const triage = agencies.find(NATIONAL_TRIAGE_AGENCY) ?? {
    code: NATIONAL_TRIAGE_AGENCY,
    level: 'national' as const,
  };
  return { agency: triage, reason: 'national_triage' };
}
