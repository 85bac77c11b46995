import {
  AGENCY_LEVELS as CONTRACT_AGENCY_LEVELS,
  CATEGORY_MAX_LENGTH,
  CATEGORY_PATTERN,
  NATIONAL_TRIAGE_AGENCY,
  REGION_LEVELS as CONTRACT_REGION_LEVELS,
  agencyLevelOf,
  isAgencyCode,
  isRegionCode,
  regionalGovernmentOf,
} from '@salur/contracts';
import { AgencyDirectory, CATEGORIES, RegionDirectory, normaliseRegionCode } from './index';
import { AGENCY_LEVELS, NATIONAL_TRIAGE_CODE } from './agencies/agency';
import { REGION_LEVELS, isRegionCodeShape } from './regions/region-code';

/*
 * The directory keeps its own copies of the code shapes and vocabularies so it depends on nothing;
 * this keeps the copies equal to the contracts', so nothing the directory produces or accepts is
 * refused on the wire.
 */
const agencies = AgencyDirectory.standard();
const regions = RegionDirectory.standard();

describe('agreement with @salur/contracts', () => {
  it('has the same levels and national triage code', () => {
    expect(AGENCY_LEVELS).toEqual(CONTRACT_AGENCY_LEVELS);
    expect(REGION_LEVELS).toEqual(CONTRACT_REGION_LEVELS);
    expect(NATIONAL_TRIAGE_CODE).toBe(NATIONAL_TRIAGE_AGENCY);
  });

  it('ships only agency codes the contracts accept, at the level their code implies', () => {
    for (const agency of agencies.all()) {
      expect([agency.code, isAgencyCode(agency.code)]).toEqual([agency.code, true]);
      expect([agency.code, agencyLevelOf(agency.code)]).toEqual([agency.code, agency.level]);
    }
  });

  it('ships only category codes the contracts accept', () => {
    for (const { code } of CATEGORIES) {
      expect(code).toMatch(CATEGORY_PATTERN);
      expect(code.length).toBeLessThanOrEqual(CATEGORY_MAX_LENGTH);
    }
  });

  it('shapes region codes as the contracts do', () => {
    const samples = [
      '64',
      '64.71',
      '64.71.01',
      '64.71.01.1001',
      '6471',
      '64.7',
      '',
      '64.71.01.101',
    ];
    for (const code of samples) {
      expect([code, isRegionCodeShape(code)]).toEqual([code, isRegionCode(code)]);
      const normalised = normaliseRegionCode(code);
      if (normalised !== undefined) expect(isRegionCode(normalised)).toBe(true);
    }
    for (const { code } of [...regions.provinces(), ...regions.regencies()]) {
      expect(isRegionCode(code)).toBe(true);
    }
  });

  it('picks the same default government for a location', () => {
    for (const code of ['64', '64.71', '64.71.01', '11.01.01.2001', '31.71']) {
      expect(agencies.localGovernmentFor(code)?.code).toBe(regionalGovernmentOf(code));
    }
  });
});
