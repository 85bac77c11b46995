import { RegionDirectory, type Province, type Regency } from '../regions/region-directory';
import { NATIONAL_TRIAGE_CODE, governmentCodeOf, type AgencySeed } from './agency';
import { nationalAgencySeeds } from './national-agencies';

/** Names that officials shorten in short names: `Pemprov DKI Jakarta`, not the decree's full name. */
const SHORT_PROVINCE_NAMES: Readonly<Record<string, string>> = {
  'Daerah Khusus Ibukota Jakarta': 'DKI Jakarta',
  'Daerah Istimewa Yogyakarta': 'DI Yogyakarta',
};

function provinceGovernment(province: Province): AgencySeed {
  return {
    code: governmentCodeOf(province.code),
    name: `Pemerintah Provinsi ${province.name}`,
    shortName: `Pemprov ${SHORT_PROVINCE_NAMES[province.name] ?? province.name}`,
    level: 'province',
    // See national-agencies.ts: a province escalates to national triage.
    parentCode: NATIONAL_TRIAGE_CODE,
    regionCode: province.code,
    timeZone: province.timeZone,
    hasPpid: true,
    active: true,
  };
}

function regencyGovernment(regency: Regency): AgencySeed {
  return {
    code: governmentCodeOf(regency.code),
    // The decree's name carries the kind: `Pemerintah Kabupaten …`, `Pemerintah Kota …`, and for
    // Jakarta `Pemerintah Kota Administrasi …`.
    name: `Pemerintah ${regency.name}`,
    shortName: regency.name.replace(/^Kabupaten /, 'Pemkab ').replace(/^Kota /, 'Pemkot '),
    level: 'regency',
    parentCode: governmentCodeOf(regency.provinceCode),
    regionCode: regency.code,
    timeZone: regency.timeZone,
    // Jakarta's administrative cities are not autonomous, but each answers information requests
    // through a deputy PPID (PPID pembantu) of the province's structure, so they count as having one.
    hasPpid: true,
    active: true,
  };
}

/**
 * Every agency Salur ships: national triage and the ministries, then each province's government,
 * then each regency's and city's. Every parent precedes its children, so the list can be inserted
 * in order under a foreign key from parent to child.
 */
export function buildAgencySeeds(regions: RegionDirectory): readonly AgencySeed[] {
  return Object.freeze(
    [
      ...nationalAgencySeeds(),
      ...regions.provinces().map(provinceGovernment),
      ...regions.regencies().map(regencyGovernment),
    ].map((seed) => Object.freeze(seed)),
  );
}

let standardSeeds: readonly AgencySeed[] | undefined;

/** The seeds over the standard region tables, built once. */
export function standardAgencySeeds(): readonly AgencySeed[] {
  standardSeeds ??= buildAgencySeeds(RegionDirectory.standard());
  return standardSeeds;
}
