import {
  InvalidDirectoryError,
  RegionDirectory,
  UnknownRegionError,
  normaliseRegionCode,
  type IndonesianTimeZone,
} from '../index';
import { regionLevelOf } from './region-code';

const regions = RegionDirectory.standard();

/** The UTC offset a zone has at an instant, as `Intl` (the tz database) reports it. */
function utcOffset(timeZone: string, at = new Date('2026-01-15T00:00:00Z')): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part!.value;
}

describe('RegionDirectory', () => {
  describe('counts, as of the 2025 decree', () => {
    it('has 38 provinces and 514 regencies and cities (416 kabupaten, 98 kota)', () => {
      expect(regions.provinces()).toHaveLength(38);
      expect(regions.regencies()).toHaveLength(514);
      expect(regions.regencies().filter((r) => r.kind === 'kabupaten')).toHaveLength(416);
      expect(regions.regencies().filter((r) => r.kind === 'kota')).toHaveLength(98);
    });

    it('has every district and village the package ships', () => {
      expect(regions.counts()).toEqual({
        provinces: 38,
        regencies: 514,
        districts: 7285,
        villages: 83762,
      });
    });

    it('splits the regencies among the provinces', () => {
      const total = regions
        .provinces()
        .reduce((sum, p) => sum + regions.regenciesOf(p.code).length, 0);
      expect(total).toBe(514);
      expect(regions.regenciesOf('64').map((r) => r.code)).toEqual([
        '64.01',
        '64.02',
        '64.03',
        '64.07',
        '64.08',
        '64.09',
        '64.11',
        '64.71',
        '64.72',
        '64.74',
      ]);
    });
  });

  describe('known regions', () => {
    it('knows Kalimantan Timur, Kutai Kartanegara and Balikpapan', () => {
      expect(regions.province('64')).toEqual({
        code: '64',
        name: 'Kalimantan Timur',
        timeZone: 'Asia/Makassar',
        standardTime: 'WITA',
      });
      expect(regions.regency('64.02')).toMatchObject({
        name: 'Kabupaten Kutai Kartanegara',
        kind: 'kabupaten',
        administrative: false,
        provinceCode: '64',
        timeZone: 'Asia/Makassar',
      });
      expect(regions.regency('64.71')).toMatchObject({
        name: 'Kota Balikpapan',
        kind: 'kota',
        administrative: false,
      });
    });

    it('knows Jakarta with its five kota administrasi and one kabupaten administrasi', () => {
      expect(regions.province('31')?.name).toBe('Daerah Khusus Ibukota Jakarta');
      const jakarta = regions.regenciesOf('31');
      expect(jakarta.map((r) => [r.code, r.name, r.kind, r.administrative])).toEqual([
        ['31.01', 'Kabupaten Administrasi Kepulauan Seribu', 'kabupaten', true],
        ['31.71', 'Kota Administrasi Jakarta Pusat', 'kota', true],
        ['31.72', 'Kota Administrasi Jakarta Utara', 'kota', true],
        ['31.73', 'Kota Administrasi Jakarta Barat', 'kota', true],
        ['31.74', 'Kota Administrasi Jakarta Selatan', 'kota', true],
        ['31.75', 'Kota Administrasi Jakarta Timur', 'kota', true],
      ]);
      expect(regions.regencies().filter((r) => r.administrative)).toHaveLength(6);
    });

    it('knows the six Papua provinces under the codes the package ships (91–96)', () => {
      expect(
        ['91', '92', '93', '94', '95', '96'].map((code) => regions.province(code)?.name),
      ).toEqual([
        'Papua',
        'Papua Barat',
        'Papua Selatan',
        'Papua Tengah',
        'Papua Pegunungan',
        'Papua Barat Daya',
      ]);
      expect(regions.province('97')).toBeUndefined();
      expect(regions.regency('96.71')?.name).toBe('Kota Sorong');
      expect(regions.regency('94.04')?.name).toBe('Kabupaten Mimika');
    });

    it('numbers kota from 71 and kabupaten below, as Kemendagri does', () => {
      for (const regency of regions.regencies()) {
        expect([regency.code, regency.kind]).toEqual([
          regency.code,
          Number(regency.code.slice(3)) >= 71 ? 'kota' : 'kabupaten',
        ]);
      }
    });

    it('knows codes at every depth', () => {
      expect(regions.isKnown('64')).toBe(true);
      expect(regions.isKnown('64.71')).toBe(true);
      expect(regions.isKnown('64.71.01')).toBe(true);
      expect(regions.isKnown('11.01.01.2001')).toBe(true);
      expect(regions.isKnown('11.01.01.2004')).toBe(true);
      expect(regions.check('64.71.01')).toEqual({
        known: true,
        code: '64.71.01',
        level: 'district',
      });
    });
  });

  describe('unknown and malformed codes', () => {
    it.each([
      ['99', 'province', '99 is not a province'],
      ['64.99', 'regency', '64.99 is not a regency or city of Kalimantan Timur (64)'],
      ['64.71.99', 'district', '64.71.99 is not a district of Kota Balikpapan (64.71)'],
      ['11.01.01.2005', 'village', '11.01.01.2005 is not a village of district 11.01.01'],
      ['97.01.01.1001', 'village', '97 is not a province'],
    ])('refuses %s, naming the level that failed', (code, level, message) => {
      expect(regions.isKnown(code)).toBe(false);
      expect(regions.check(code)).toEqual({ known: false, reason: 'unknown', level, message });
    });

    it.each(['', '6', '6471', '64.7', '64.71.1', '64.71.01.101', ' 64', '64.', 'ab', '64-71'])(
      'refuses the malformed code %p',
      (code) => {
        expect(regions.isKnown(code)).toBe(false);
        expect(regions.check(code)).toMatchObject({ known: false, reason: 'malformed' });
      },
    );

    it('refuses unknown codes where a known one is required', () => {
      expect(() => regions.provinceOf('99')).toThrow(UnknownRegionError);
      expect(() => regions.regencyOf('64.99.01')).toThrow('64.99 is not a regency or city');
      expect(() => regions.timeZoneOf('6471')).toThrow(UnknownRegionError);
      expect(() => regions.regenciesOf('99')).toThrow(UnknownRegionError);
      expect(regions.province('64.71')).toBeUndefined();
      expect(regions.regency('64')).toBeUndefined();
    });
  });

  describe('containment', () => {
    it('finds the province of a code at any depth', () => {
      expect(regions.provinceOf('64').code).toBe('64');
      expect(regions.provinceOf('64.71').code).toBe('64');
      expect(regions.provinceOf('64.71.01').name).toBe('Kalimantan Timur');
      expect(regions.provinceOf('11.01.01.2001').name).toBe('Aceh');
    });

    it('finds the deepest regency or city that contains a code, none for a province', () => {
      expect(regions.regencyOf('64')).toBeNull();
      expect(regions.regencyOf('64.71')?.name).toBe('Kota Balikpapan');
      expect(regions.regencyOf('64.71.01')?.name).toBe('Kota Balikpapan');
      expect(regions.regencyOf('11.01.01.2001')?.name).toBe('Kabupaten Aceh Selatan');
    });
  });

  describe('time zones', () => {
    it('gives every province a zone the tz database knows', () => {
      for (const province of regions.provinces()) {
        expect(() => utcOffset(province.timeZone)).not.toThrow();
      }
    });

    it.each<[string, IndonesianTimeZone, string]>([
      ['11', 'Asia/Jakarta', 'WIB'], // Aceh
      ['21', 'Asia/Jakarta', 'WIB'], // Kepulauan Riau
      ['31', 'Asia/Jakarta', 'WIB'],
      ['36', 'Asia/Jakarta', 'WIB'], // Banten
      ['61', 'Asia/Pontianak', 'WIB'], // Kalimantan Barat
      ['62', 'Asia/Pontianak', 'WIB'], // Kalimantan Tengah
      ['51', 'Asia/Makassar', 'WITA'], // Bali
      ['52', 'Asia/Makassar', 'WITA'], // NTB
      ['53', 'Asia/Makassar', 'WITA'], // NTT
      ['63', 'Asia/Makassar', 'WITA'], // Kalimantan Selatan
      ['64', 'Asia/Makassar', 'WITA'],
      ['65', 'Asia/Makassar', 'WITA'], // Kalimantan Utara
      ['71', 'Asia/Makassar', 'WITA'],
      ['75', 'Asia/Makassar', 'WITA'], // Gorontalo
      ['76', 'Asia/Makassar', 'WITA'], // Sulawesi Barat
      ['81', 'Asia/Jayapura', 'WIT'], // Maluku
      ['82', 'Asia/Jayapura', 'WIT'], // Maluku Utara
      ['91', 'Asia/Jayapura', 'WIT'],
      ['92', 'Asia/Jayapura', 'WIT'],
      ['93', 'Asia/Jayapura', 'WIT'],
      ['94', 'Asia/Jayapura', 'WIT'],
      ['95', 'Asia/Jayapura', 'WIT'],
      ['96', 'Asia/Jayapura', 'WIT'],
    ])('puts province %s on %s (%s)', (code, timeZone, standardTime) => {
      expect(regions.province(code)).toMatchObject({ timeZone, standardTime });
    });

    it('has WIB at UTC+7, WITA at UTC+8 and WIT at UTC+9', () => {
      const offsets = { WIB: 'GMT+07:00', WITA: 'GMT+08:00', WIT: 'GMT+09:00' } as const;
      for (const province of regions.provinces()) {
        expect([province.code, utcOffset(province.timeZone)]).toEqual([
          province.code,
          offsets[province.standardTime],
        ]);
      }
    });

    it('gives a regency, district or village its province zone', () => {
      expect(regions.timeZoneOf('61.71')).toBe('Asia/Pontianak');
      expect(regions.timeZoneOf('64.71.01')).toBe('Asia/Makassar');
      expect(regions.regency('91.71')?.timeZone).toBe('Asia/Jayapura');
    });
  });

  describe('normalise', () => {
    it.each([
      ['64', '64'],
      [' 64.71 ', '64.71'],
      ['6471', '64.71'],
      ['647101', '64.71.01'],
      ['6471011001', '64.71.01.1001'],
      ['64.71.01.1001', '64.71.01.1001'],
    ])('turns %p into %p', (input, expected) => {
      expect(regions.normalise(input)).toBe(expected);
      expect(normaliseRegionCode(input)).toBe(expected);
    });

    it.each(['', '6', '647', '64.7', '64-71', '6471.01', '64 71', '64710110011', 'x64'])(
      'does not guess at %p',
      (input) => {
        expect(regions.normalise(input)).toBeUndefined();
      },
    );

    it('tells the level from the shape alone', () => {
      expect(['64', '64.71', '64.71.01', '64.71.01.1001', '64.7'].map(regionLevelOf)).toEqual([
        'province',
        'regency',
        'district',
        'village',
        undefined,
      ]);
    });
  });

  describe('construction', () => {
    it('refuses tables with a province that has no time zone or a regency in no province', () => {
      const build = () =>
        new RegionDirectory({
          provinces: [
            ['64', 'Kalimantan Timur'],
            ['98', 'Provinsi Baru'],
          ],
          regencies: [['99.01', 'Kabupaten Entah']],
          districts: { '64.71': '01' },
          villages: { '64.71.02': '1001' },
        });
      expect(build).toThrow(InvalidDirectoryError);
      expect(build).toThrow('province 98 (Provinsi Baru) has no time zone');
      expect(build).toThrow('regency 99.01 (Kabupaten Entah) lies in no known province');
      expect(build).toThrow('district 64.71.01 lies in no known regency');
      expect(build).toThrow('villages of unknown district 64.71.02');
    });

    it('builds the standard directory once', () => {
      expect(RegionDirectory.standard()).toBe(regions);
      expect(RegionDirectory.source.package).toBe('idn-area-data');
    });
  });
});
