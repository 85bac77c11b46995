import { defaultDisposition, type AgencyLookup } from './default-disposition';

const directory = new Map([
  ['pemda-64', { code: 'pemda-64', level: 'province' as const }],
  ['pemda-64.71', { code: 'pemda-64.71', level: 'regency' as const }],
  ['lapor-pusat', { code: 'lapor-pusat', level: 'national' as const }],
]);
const agencies: AgencyLookup = { find: (code) => directory.get(code) };

describe('defaultDisposition', () => {
  it('sends a location in a regency or city to its government, at any depth', () => {
    expect(defaultDisposition('64.71', agencies)).toEqual({
      agency: { code: 'pemda-64.71', level: 'regency' },
      reason: 'region_default',
    });
    expect(defaultDisposition('64.71.02.1001', agencies).agency.code).toBe('pemda-64.71');
  });

  it('sends a location known only to its province to the province government', () => {
    expect(defaultDisposition('64', agencies).agency.code).toBe('pemda-64');
    // A regency whose government is not in the directory (inactive) falls back to the province.
    expect(defaultDisposition('64.02', agencies).agency.code).toBe('pemda-64');
  });

  it('sends what no government can take to national triage', () => {
    expect(defaultDisposition('91.01', agencies)).toEqual({
      agency: { code: 'lapor-pusat', level: 'national' },
      reason: 'national_triage',
    });
  });
});
