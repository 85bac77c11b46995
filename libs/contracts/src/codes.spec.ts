import fc from 'fast-check';
import {
  agencyLevelOf,
  isAgencyCode,
  isRegionCode,
  NATIONAL_TRIAGE_AGENCY,
  parentRegionCode,
  provinceCodeOf,
  regencyCodeOf,
  regionalGovernmentOf,
  regionLevelOf,
} from '.';

describe('region codes', () => {
  it.each([
    ['64', 'province'],
    ['64.02', 'regency'],
    ['64.71', 'regency'],
    ['64.71.06', 'district'],
    ['64.02.01.2001', 'village'],
    ['64.71.06.1003', 'village'],
  ])('accepts %s (%s)', (code, level) => {
    expect(isRegionCode(code)).toBe(true);
    expect(regionLevelOf(code)).toBe(level);
  });

  it.each([
    '',
    '6',
    '640',
    '64.',
    '64.7',
    '64.710',
    '64.71.6',
    '64.71.06.100',
    '64.71.06.10031',
    '64-71',
    ' 64',
    'KT',
  ])('refuses %j', (code) => {
    expect(isRegionCode(code)).toBe(false);
    expect(() => regionLevelOf(code)).toThrow(RangeError);
  });

  it('refuses non-strings', () => {
    for (const value of [64, null, undefined, ['64'], { code: '64' }]) {
      expect(isRegionCode(value)).toBe(false);
    }
  });

  it('walks up to the province and finds the regency and the regional government', () => {
    expect(parentRegionCode('64.71.06.1003')).toBe('64.71.06');
    expect(parentRegionCode('64.71.06')).toBe('64.71');
    expect(parentRegionCode('64.71')).toBe('64');
    expect(parentRegionCode('64')).toBeNull();
    expect(provinceCodeOf('64.71.06.1003')).toBe('64');
    expect(regencyCodeOf('64.71.06.1003')).toBe('64.71');
    expect(regencyCodeOf('64')).toBeNull();
    expect(regionalGovernmentOf('64.71.06.1003')).toBe('pemda-64.71');
    expect(regionalGovernmentOf('64.02')).toBe('pemda-64.02');
    expect(regionalGovernmentOf('64')).toBe('pemda-64');
  });

  it('always reaches the province in as many steps as the code has levels, through valid codes', () => {
    const code = fc
      .array(fc.integer({ min: 0, max: 99 }), { minLength: 0, maxLength: 2 })
      .chain((middle) =>
        fc.tuple(
          fc.integer({ min: 11, max: 96 }),
          fc.constant(middle),
          fc.option(fc.integer({ min: 1001, max: 2999 }), { nil: undefined }),
        ),
      )
      .map(([province, middle, village]) =>
        [
          String(province),
          ...middle.map((n) => String(n).padStart(2, '0')),
          ...(middle.length === 2 && village !== undefined ? [String(village)] : []),
        ].join('.'),
      );
    fc.assert(
      fc.property(code, (start) => {
        expect(isRegionCode(start)).toBe(true);
        let steps = 0;
        let current: string | null = start;
        let last = start;
        while (current !== null) {
          expect(isRegionCode(current)).toBe(true);
          last = current;
          current = parentRegionCode(current);
          steps++;
        }
        expect(last).toBe(provinceCodeOf(start));
        expect(steps).toBe(start.split('.').length);
        expect(isAgencyCode(regionalGovernmentOf(start))).toBe(true);
      }),
    );
  });
});

describe('agency codes', () => {
  it.each([
    ['pemda-64', 'province'],
    ['pemda-64.71', 'regency'],
    ['kl-kemenkes', 'national'],
    ['kl-kementerian-pekerjaan-umum', 'national'],
    [NATIONAL_TRIAGE_AGENCY, 'national'],
  ])('accepts %s (%s)', (code, level) => {
    expect(isAgencyCode(code)).toBe(true);
    expect(agencyLevelOf(code)).toBe(level);
  });

  it.each([
    'pemda-64.71.06',
    'pemda-6',
    'pemda-',
    'kl-',
    'kl-Kemenkes',
    'kl-kemen--kes',
    'kl-kemenkes-',
    'lapor',
    'pemkot-balikpapan',
    `kl-${'a'.repeat(62)}`,
  ])('refuses %j', (code) => {
    expect(isAgencyCode(code)).toBe(false);
    expect(() => agencyLevelOf(code)).toThrow(RangeError);
  });
});
