import type { AgencyLevel } from './vocabulary';

/**
 * Kemendagri region code: province `64`, regency/city `64.71`, district (kecamatan) `64.71.06`,
 * village (kelurahan/desa) `64.71.06.1003`.
 */
export const REGION_CODE_PATTERN = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;

export const REGION_LEVELS = ['province', 'regency', 'district', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/**
 * Agency code: `pemda-64` (a province's government), `pemda-64.71` (a regency's or city's),
 * `kl-<slug>` (a national ministry or agency, K/L) and `lapor-pusat` (national triage).
 */
export const AGENCY_CODE_PATTERN =
  /^(?:pemda-\d{2}(?:\.\d{2})?|kl-[a-z0-9]+(?:-[a-z0-9]+)*|lapor-pusat)$/;
export const AGENCY_CODE_MAX_LENGTH = 64;

/** Where a complaint goes when no rule can place it. */
export const NATIONAL_TRIAGE_AGENCY = 'lapor-pusat';

export function isRegionCode(value: unknown): value is string {
  return typeof value === 'string' && REGION_CODE_PATTERN.test(value);
}

export function isAgencyCode(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= AGENCY_CODE_MAX_LENGTH &&
    AGENCY_CODE_PATTERN.test(value)
  );
}

function assertRegionCode(code: string): void {
  if (!REGION_CODE_PATTERN.test(code)) {
    throw new RangeError(`not a Kemendagri region code: ${code}`);
  }
}

export function regionLevelOf(code: string): RegionLevel {
  assertRegionCode(code);
  return REGION_LEVELS[code.split('.').length - 1];
}

/** `64.71.06.1003` → `64.71.06`, …, `64` → null. */
export function parentRegionCode(code: string): string | null {
  assertRegionCode(code);
  const parts = code.split('.');
  return parts.length === 1 ? null : parts.slice(0, -1).join('.');
}

/** The province part of any region code: `64.71.06.1003` → `64`. */
export function provinceCodeOf(code: string): string {
  assertRegionCode(code);
  return code.slice(0, 2);
}

/** The regency/city part of a region code below province level, else null: `64.71.06` → `64.71`. */
export function regencyCodeOf(code: string): string | null {
  assertRegionCode(code);
  return code.length >= 5 ? code.slice(0, 5) : null;
}

/**
 * The regional government responsible for a location by default (DESIGN.md, "Complaint
 * lifecycle"): the regency/city's (`pemda-64.71`) below province level, else the province's.
 */
export function regionalGovernmentOf(regionCode: string): string {
  return `pemda-${regencyCodeOf(regionCode) ?? provinceCodeOf(regionCode)}`;
}

/** The level an agency code implies: `pemda-64` province, `pemda-64.71` regency, else national. */
export function agencyLevelOf(agencyCode: string): AgencyLevel {
  if (agencyCode.length > AGENCY_CODE_MAX_LENGTH || !AGENCY_CODE_PATTERN.test(agencyCode)) {
    throw new RangeError(`not an agency code: ${agencyCode}`);
  }
  if (!agencyCode.startsWith('pemda-')) return 'national';
  return agencyCode.includes('.') ? 'regency' : 'province';
}

/** Short, case-insensitive, typeable over SMS: `SLR-7K3M9Q`. */
export const TRACKING_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{3,39}$/;
/**
 * A category code from the directory (`air-bersih`): lower-case words joined by `.`, `-` or `_`,
 * leaving room for sub-categories (`infrastruktur.jalan`).
 */
export const CATEGORY_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
export const CATEGORY_MAX_LENGTH = 64;
