import {
  AgencyDirectory,
  CATEGORIES,
  InvalidDirectoryError,
  RegionDirectory,
  UnknownAgencyError,
  UnknownCategoryError,
  buildAgencySeeds,
  standardAgencySeeds,
  type AgencySeed,
} from '../index';

const directory = AgencyDirectory.standard();
const codes = (agencies: readonly AgencySeed[]): string[] => agencies.map((a) => a.code);

/** The ministries and national bodies, national triage excluded. */
const ministries = directory.all().filter((a) => a.code.startsWith('kl-'));

function seed(overrides: Partial<AgencySeed> & Pick<AgencySeed, 'code'>): AgencySeed {
  return {
    name: overrides.code,
    shortName: overrides.code,
    level: 'national',
    parentCode: 'lapor-pusat',
    regionCode: null,
    timeZone: 'Asia/Jakarta',
    hasPpid: true,
    active: true,
    ...overrides,
  };
}

describe('AgencyDirectory', () => {
  describe('the shipped seeds', () => {
    it('hold national triage, the ministries, 38 province and 514 regency/city governments', () => {
      const all = directory.all();
      expect(all.filter((a) => a.level === 'province')).toHaveLength(38);
      expect(all.filter((a) => a.level === 'regency')).toHaveLength(514);
      expect(codes(all.filter((a) => a.level === 'national' && !a.code.startsWith('kl-')))).toEqual(
        ['lapor-pusat'],
      );
      expect(ministries).toHaveLength(23);
      expect(all).toHaveLength(1 + 23 + 38 + 514);
    });

    it('include the ministries the issue names', () => {
      for (const code of [
        'kl-kemendikdasmen',
        'kl-kemenkes',
        'kl-kemendagri',
        'kl-kemenpu',
        'kl-kemenhub',
        'kl-kemensos',
        'kl-polri',
        'kl-pln',
        'kl-bumn',
        'kl-kemnaker',
        'kl-kemenkeu',
        'kl-djp',
        'kl-kementan',
        'kl-klh',
        'kl-komdigi',
        'kl-kemenag',
        'kl-atrbpn',
      ]) {
        expect(directory.get(code)).toMatchObject({ code, level: 'national' });
      }
    });

    it('name regional governments officially', () => {
      expect(directory.get('pemda-64')).toEqual({
        code: 'pemda-64',
        name: 'Pemerintah Provinsi Kalimantan Timur',
        shortName: 'Pemprov Kalimantan Timur',
        level: 'province',
        parentCode: 'lapor-pusat',
        regionCode: '64',
        timeZone: 'Asia/Makassar',
        hasPpid: true,
        active: true,
      });
      expect(directory.get('pemda-64.02')).toEqual({
        code: 'pemda-64.02',
        name: 'Pemerintah Kabupaten Kutai Kartanegara',
        shortName: 'Pemkab Kutai Kartanegara',
        level: 'regency',
        parentCode: 'pemda-64',
        regionCode: '64.02',
        timeZone: 'Asia/Makassar',
        hasPpid: true,
        active: true,
      });
      expect(directory.get('pemda-64.71')).toMatchObject({
        name: 'Pemerintah Kota Balikpapan',
        shortName: 'Pemkot Balikpapan',
      });
      expect(directory.get('pemda-31')?.shortName).toBe('Pemprov DKI Jakarta');
      expect(directory.get('pemda-31.71')).toMatchObject({
        name: 'Pemerintah Kota Administrasi Jakarta Pusat',
        parentCode: 'pemda-31',
        timeZone: 'Asia/Jakarta',
      });
      expect(directory.get('pemda-96.71')).toMatchObject({
        name: 'Pemerintah Kota Sorong',
        parentCode: 'pemda-96',
        timeZone: 'Asia/Jayapura',
      });
    });

    it('give national agencies Jakarta time and no region', () => {
      for (const agency of directory.all().filter((a) => a.level === 'national')) {
        expect([agency.code, agency.timeZone, agency.regionCode]).toEqual([
          agency.code,
          'Asia/Jakarta',
          null,
        ]);
      }
    });

    it('give every regional government its province zone', () => {
      const regions = RegionDirectory.standard();
      for (const agency of directory.all().filter((a) => a.regionCode !== null)) {
        expect([agency.code, agency.timeZone]).toEqual([
          agency.code,
          regions.timeZoneOf(agency.regionCode!),
        ]);
      }
    });

    it('give every government and ministry a PPID, national triage none', () => {
      expect(codes(directory.all().filter((a) => !a.hasPpid))).toEqual(['lapor-pusat']);
    });

    it('use each code once', () => {
      const all = codes(directory.all());
      expect(new Set(all).size).toBe(all.length);
    });

    it('list every parent before its children', () => {
      const seen = new Set<string>();
      for (const agency of standardAgencySeeds()) {
        if (agency.parentCode !== null) expect(seen).toContain(agency.parentCode);
        seen.add(agency.code);
      }
    });

    it('give every agency but national triage a parent in the directory, without cycles', () => {
      for (const agency of directory.all()) {
        const chain = codes(directory.escalationChain(agency.code));
        expect(new Set(chain).size).toBe(chain.length);
        expect(chain.at(-1)).toBe('lapor-pusat');
      }
      expect(directory.parentOf('lapor-pusat')).toBeNull();
    });

    it('are frozen, so no caller changes what another reads', () => {
      expect(Object.isFrozen(directory.all())).toBe(true);
      expect(Object.isFrozen(directory.get('pemda-64'))).toBe(true);
    });
  });

  describe('escalation', () => {
    it('runs regency/city → province → national triage', () => {
      expect(codes(directory.escalationChain('pemda-64.02'))).toEqual([
        'pemda-64.02',
        'pemda-64',
        'lapor-pusat',
      ]);
      expect(codes(directory.escalationChain('pemda-64'))).toEqual(['pemda-64', 'lapor-pusat']);
      expect(codes(directory.escalationChain('kl-kemenkes'))).toEqual([
        'kl-kemenkes',
        'lapor-pusat',
      ]);
      expect(codes(directory.escalationChain('kl-djp'))).toEqual([
        'kl-djp',
        'kl-kemenkeu',
        'lapor-pusat',
      ]);
      expect(codes(directory.escalationChain('lapor-pusat'))).toEqual(['lapor-pusat']);
    });

    it('names the parent', () => {
      expect(directory.parentOf('pemda-64.71')?.code).toBe('pemda-64');
      expect(directory.parentOf('pemda-64')?.code).toBe('lapor-pusat');
    });

    it('skips a deactivated ancestor when choosing where an escalation goes now', () => {
      const seeds = standardAgencySeeds().map((a) =>
        a.code === 'pemda-64' ? { ...a, active: false } : a,
      );
      const withInactiveProvince = new AgencyDirectory(seeds);
      expect(withInactiveProvince.escalationTargetOf('pemda-64.02')?.code).toBe('lapor-pusat');
      expect(codes(withInactiveProvince.escalationChain('pemda-64.02'))).toEqual([
        'pemda-64.02',
        'pemda-64',
        'lapor-pusat',
      ]);
      expect(directory.escalationTargetOf('pemda-64.02')?.code).toBe('pemda-64');
      expect(directory.escalationTargetOf('lapor-pusat')).toBeNull();
    });

    it('tells whether an agency lies below another', () => {
      expect(directory.isDescendantOf('pemda-64.02', 'pemda-64')).toBe(true);
      expect(directory.isDescendantOf('pemda-64.02', 'lapor-pusat')).toBe(true);
      expect(directory.isDescendantOf('pemda-64.02', 'pemda-64.02')).toBe(false);
      expect(directory.isDescendantOf('pemda-64.02', 'pemda-65')).toBe(false);
      expect(directory.isDescendantOf('pemda-64', 'pemda-64.02')).toBe(false);
    });
  });

  describe('children', () => {
    it('lists a province’s regencies and cities', () => {
      expect(codes(directory.childrenOf('pemda-64'))).toEqual([
        'pemda-64.01',
        'pemda-64.02',
        'pemda-64.03',
        'pemda-64.07',
        'pemda-64.08',
        'pemda-64.09',
        'pemda-64.11',
        'pemda-64.71',
        'pemda-64.72',
        'pemda-64.74',
      ]);
      expect(directory.childrenOf('pemda-64.71')).toEqual([]);
    });

    it('puts every province and every ministry but DJP directly under national triage', () => {
      const children = directory.childrenOf('lapor-pusat');
      expect(children.filter((a) => a.level === 'province')).toHaveLength(38);
      expect(codes(children.filter((a) => a.level === 'national'))).toEqual(
        codes(ministries.filter((m) => m.code !== 'kl-djp')),
      );
      expect(codes(directory.childrenOf('kl-kemenkeu'))).toEqual(['kl-djp']);
    });
  });

  describe('regional governments for a location', () => {
    it('finds the regency/city government for a code below province level', () => {
      expect(directory.regencyGovernmentFor('64.71')?.code).toBe('pemda-64.71');
      expect(directory.regencyGovernmentFor('64.71.01')?.code).toBe('pemda-64.71');
      expect(directory.regencyGovernmentFor('64.71.01.1001')?.code).toBe('pemda-64.71');
      expect(directory.regencyGovernmentFor('64')).toBeUndefined();
    });

    it('finds the province government for a code at any depth', () => {
      expect(directory.provinceGovernmentFor('64')?.code).toBe('pemda-64');
      expect(directory.provinceGovernmentFor('64.02.01')?.code).toBe('pemda-64');
    });

    it('finds the deepest local government, the default routing target', () => {
      expect(directory.localGovernmentFor('31.71.01')?.code).toBe('pemda-31.71');
      expect(directory.localGovernmentFor('31')?.code).toBe('pemda-31');
    });

    it('finds nothing for unknown or malformed codes', () => {
      expect(directory.regencyGovernmentFor('64.99')).toBeUndefined();
      expect(directory.provinceGovernmentFor('99')).toBeUndefined();
      expect(directory.localGovernmentFor('6471')).toBeUndefined();
      expect(directory.localGovernmentFor('pemda-64')).toBeUndefined();
    });
  });

  describe('ministries for categories', () => {
    it('points each category at a national agency', () => {
      expect(directory.ministryForCategory('kesehatan').code).toBe('kl-kemenkes');
      expect(directory.ministryForCategory('perpajakan').code).toBe('kl-djp');
      expect(directory.ministryForCategory('listrik').code).toBe('kl-pln');
      for (const category of CATEGORIES) {
        expect(directory.ministryForCategory(category.code).level).toBe('national');
      }
    });

    it('has a category pointing at every ministry except the finance ministry above DJP', () => {
      const pointedAt = new Set(CATEGORIES.map((c) => c.ministryCode));
      expect(codes(ministries.filter((m) => !pointedAt.has(m.code)))).toEqual(['kl-kemenkeu']);
    });

    it('refuses an unknown category', () => {
      expect(() => directory.ministryForCategory('astrologi')).toThrow(UnknownCategoryError);
    });
  });

  describe('unknown agencies', () => {
    it('are absent from lookups and refused where one is required', () => {
      expect(directory.get('pemda-64.99')).toBeUndefined();
      expect(directory.has('kl-entah')).toBe(false);
      expect(() => directory.getOrThrow('kl-entah')).toThrow(UnknownAgencyError);
      expect(() => directory.parentOf('pemda-99')).toThrow(
        'agency pemda-99 is not in the directory',
      );
      expect(() => directory.childrenOf('kl-entah')).toThrow(UnknownAgencyError);
      expect(() => directory.escalationChain('kl-entah')).toThrow(UnknownAgencyError);
      expect(() => directory.isDescendantOf('pemda-64', 'kl-entah')).toThrow(UnknownAgencyError);
    });
  });

  describe('consistency checks on construction', () => {
    const triage = seed({ code: 'lapor-pusat', parentCode: null, hasPpid: false });
    const build = (agencies: AgencySeed[]) => () => new AgencyDirectory(agencies, []);

    it('refuses a missing parent and a duplicate code', () => {
      const agencies = [triage, seed({ code: 'kl-a', parentCode: 'kl-b' }), seed({ code: 'kl-c' })];
      expect(build([...agencies, seed({ code: 'kl-c' })])).toThrow(InvalidDirectoryError);
      expect(build(agencies)).toThrow('kl-a: parent kl-b is not in the directory');
      expect(build([...agencies, seed({ code: 'kl-c' })])).toThrow('kl-c is listed twice');
    });

    it('refuses a cycle', () => {
      const agencies = [
        triage,
        seed({ code: 'kl-a', parentCode: 'kl-b' }),
        seed({ code: 'kl-b', parentCode: 'kl-a' }),
      ];
      expect(build(agencies)).toThrow('is its own ancestor');
    });

    it('refuses parents at the wrong level or outside the province', () => {
      const province = seed({
        code: 'pemda-64',
        level: 'province',
        regionCode: '64',
        timeZone: 'Asia/Makassar',
      });
      const otherProvince = { ...province, code: 'pemda-65', regionCode: '65' };
      const regency = (parentCode: string) =>
        seed({
          code: 'pemda-64.71',
          level: 'regency',
          regionCode: '64.71',
          parentCode,
          timeZone: 'Asia/Makassar',
        });
      expect(build([triage, province, regency('lapor-pusat')])).toThrow(
        'pemda-64.71: parent lapor-pusat is national, not province',
      );
      expect(build([triage, province, otherProvince, regency('pemda-65')])).toThrow(
        'pemda-64.71: parent pemda-65 is not the government of its province',
      );
      expect(() => new AgencyDirectory([triage, province, regency('pemda-64')], [])).not.toThrow();
    });

    it('refuses a government whose code, level and region disagree', () => {
      expect(
        build([triage, seed({ code: 'pemda-64', level: 'province', regionCode: '64.71' })]),
      ).toThrow('pemda-64: a province government needs a province region code');
      expect(
        build([triage, seed({ code: 'pemda-64', level: 'province', regionCode: '65' })]),
      ).toThrow('pemda-64: the government of 65 is pemda-65');
      expect(build([triage, seed({ code: 'kl-a', regionCode: '64' })])).toThrow(
        'kl-a: a national agency governs no region',
      );
      expect(build([triage, seed({ code: 'Kemenkes' })])).toThrow('Kemenkes is not an agency code');
    });

    it('refuses a category whose ministry is missing', () => {
      const seeds = standardAgencySeeds().filter((a) => a.code !== 'kl-pln');
      expect(() => new AgencyDirectory(seeds)).toThrow(
        'category listrik: ministry kl-pln is missing',
      );
    });

    it('builds the same seeds from the standard regions', () => {
      expect(buildAgencySeeds(RegionDirectory.standard())).toEqual(standardAgencySeeds());
      expect(AgencyDirectory.standard()).toBe(directory);
    });
  });
});
