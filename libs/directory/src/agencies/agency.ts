import { INDONESIAN_TIME_ZONES, type IndonesianTimeZone } from '../regions/time-zones';

export const AGENCY_LEVELS = ['national', 'province', 'regency'] as const;
/** Where an agency sits in the escalation chain regency/city → province → national. */
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/**
 * `pemda-64` (a province's government), `pemda-64.71` (a regency's or city's), `kl-<slug>` (a
 * national ministry or agency, K/L) and `lapor-pusat` (national triage): the same shape the
 * contracts validate on the wire.
 */
export const AGENCY_CODE_PATTERN =
  /^(?:pemda-\d{2}(?:\.\d{2})?|kl-[a-z0-9]+(?:-[a-z0-9]+)*|lapor-pusat)$/;

/** National triage: where what no rule can place goes, and the top of every escalation chain. */
export const NATIONAL_TRIAGE_CODE = 'lapor-pusat';

/** The agency code of a region's government: `64` → `pemda-64`, `64.71` → `pemda-64.71`. */
export function governmentCodeOf(regionCode: string): string {
  return `pemda-${regionCode}`;
}

/**
 * One agency as the directory ships it; routing seeds its table from these, and can build an
 * `AgencyDirectory` over the rows it keeps (admins add, edit and deactivate agencies there).
 */
export interface AgencySeed {
  readonly code: string;
  /** Official Indonesian name: `Pemerintah Kabupaten Kutai Kartanegara`, `Kementerian Kesehatan`. */
  readonly name: string;
  /** As officials and SMS texts write it: `Pemkab Kutai Kartanegara`, `Kemenkes`. */
  readonly shortName: string;
  readonly level: AgencyLevel;
  /** The agency a complaint escalates to; null only at the top (`lapor-pusat`). */
  readonly parentCode: string | null;
  /** Kemendagri code of the region a regional government governs; null for national agencies. */
  readonly regionCode: string | null;
  /** Business time of the agency: its province's zone, Jakarta's for national agencies. */
  readonly timeZone: IndonesianTimeZone;
  /**
   * Whether it has a PPID (Pejabat Pengelola Informasi dan Dokumentasi) that answers information
   * requests. UU 14/2008 makes every public body (badan publik) appoint one, which covers every
   * ministry, agency, regional government and state-owned enterprise; national triage is a
   * coordination desk, not a body that holds the information, so it has none.
   */
  readonly hasPpid: boolean;
  /** A deactivated agency takes no new complaints; its open ones are re-routed by routing. */
  readonly active: boolean;
}

export function isIndonesianTimeZone(value: string): value is IndonesianTimeZone {
  return (INDONESIAN_TIME_ZONES as readonly string[]).includes(value);
}
