import {
  CATEGORIES,
  CATEGORY_CODE_PATTERN,
  UnknownCategoryError,
  categoryOf,
  findCategory,
  isCategoryCode,
} from '../index';

describe('CATEGORIES', () => {
  it('has a short catalogue of distinct kebab-case codes', () => {
    const codes = CATEGORIES.map((c) => c.code);
    expect(codes.length).toBeGreaterThanOrEqual(15);
    expect(codes.length).toBeLessThanOrEqual(25);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(CATEGORY_CODE_PATTERN);
    }
  });

  it('names each category in Indonesian and English and points it at a K/L', () => {
    for (const category of CATEGORIES) {
      expect(category.name.id.trim()).not.toBe('');
      expect(category.name.en.trim()).not.toBe('');
      expect(category.ministryCode).toMatch(/^kl-[a-z0-9-]+$/);
      expect(['regional', 'national']).toContain(category.defaultAuthority);
    }
  });

  it('leaves what local governments deliver to them, and takes national matters to the K/L', () => {
    expect(categoryOf('pendidikan')).toMatchObject({
      ministryCode: 'kl-kemendikdasmen',
      defaultAuthority: 'regional',
    });
    expect(categoryOf('kependudukan').defaultAuthority).toBe('regional');
    expect(categoryOf('air-bersih').defaultAuthority).toBe('regional');
    expect(categoryOf('kepolisian')).toMatchObject({
      ministryCode: 'kl-polri',
      defaultAuthority: 'national',
    });
    expect(categoryOf('pertanahan')).toMatchObject({
      ministryCode: 'kl-atrbpn',
      defaultAuthority: 'national',
    });
  });

  it('looks codes up, and refuses unknown ones where one is required', () => {
    expect(findCategory('kesehatan')?.name.en).toBe('Health services');
    expect(findCategory('Kesehatan')).toBeUndefined();
    expect(isCategoryCode('listrik')).toBe(true);
    expect(isCategoryCode('astrologi')).toBe(false);
    expect(() => categoryOf('astrologi')).toThrow(UnknownCategoryError);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(CATEGORIES)).toBe(true);
    expect(Object.isFrozen(CATEGORIES[0])).toBe(true);
  });
});
