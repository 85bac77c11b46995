/**
 * @salur/directory: the regions of Indonesia (Kemendagri codes, to the village), the agencies
 * complaints are routed between, and the complaint categories. Pure data and lookups, no I/O:
 * intake checks locations against it, routing seeds its agency table from it and walks the
 * escalation chain, sla takes each agency's time zone.
 *
 * The shapes of codes and the level vocabularies (`isRegionCode`, `regionLevelOf`, `AgencyLevel`,
 * `RegionLevel`, `NATIONAL_TRIAGE_AGENCY`) are the contracts'; this library keeps identical
 * copies internally so it depends on nothing, and does not export them a second time.
 */
export { isIndonesianTimeZone, type AgencySeed } from './agencies/agency';
export { AgencyDirectory } from './agencies/agency-directory';
export { buildAgencySeeds, standardAgencySeeds } from './agencies/agency-seeds';
export {
  CATEGORIES,
  CATEGORY_CODE_PATTERN,
  categoryOf,
  findCategory,
  isCategoryCode,
  type Category,
  type CategoryAuthority,
} from './categories/categories';
export {
  DirectoryError,
  InvalidDirectoryError,
  UnknownAgencyError,
  UnknownCategoryError,
  UnknownRegionError,
} from './errors';
export { normaliseRegionCode } from './regions/region-code';
export {
  RegionDirectory,
  type Province,
  type Regency,
  type RegencyKind,
  type RegionCheck,
  type RegionCounts,
  type RegionTables,
} from './regions/region-directory';
export {
  INDONESIAN_TIME_ZONES,
  NATIONAL_TIME_ZONE,
  PROVINCE_TIME_ZONES,
  STANDARD_TIMES,
  STANDARD_TIME_OF_ZONE,
  type IndonesianTimeZone,
  type StandardTime,
} from './regions/time-zones';
