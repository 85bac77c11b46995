import { standardAgencySeeds } from '@salur/directory';
import { AgencyChangeRefused, directoryAfter, editAgency, mergeSeeds } from './agency-changes';

const seeds = standardAgencySeeds();

describe('agency directory changes', () => {
  it('seeds every government and the ministries, and a second run changes nothing', () => {
    const first = mergeSeeds([], seeds);
    expect(first.added).toBe(seeds.length);
    const provinces = first.agencies.filter((a) => a.level === 'province');
    const regencies = first.agencies.filter((a) => a.level === 'regency');
    expect(provinces).toHaveLength(38);
    expect(regencies).toHaveLength(514);
    expect(mergeSeeds(first.agencies, seeds)).toMatchObject({ added: 0, updated: 0 });
  });

  it('updates changed decree data but keeps an admin’s deactivation', () => {
    const stored = seeds.map((a) =>
      a.code === 'pemda-64.71' ? { ...a, active: false, name: 'Old name' } : a,
    );
    const merged = mergeSeeds(stored, seeds);
    expect(merged).toMatchObject({ added: 0, updated: 1 });
    expect(merged.agencies.find((a) => a.code === 'pemda-64.71')).toMatchObject({
      name: 'Pemerintah Kota Balikpapan',
      active: false,
    });
  });

  it('refuses an edit that breaks the hierarchy, naming the problem', () => {
    const city = seeds.find((a) => a.code === 'pemda-64.71')!;
    const moved = editAgency(city, { parentCode: 'pemda-31' });
    expect(() => directoryAfter(seeds.map((a) => (a.code === city.code ? moved : a)))).toThrow(
      AgencyChangeRefused,
    );
    expect(() => editAgency(city, { timeZone: 'Europe/Paris' })).toThrow('Europe/Paris');
    expect(editAgency(city, { name: 'Pemkot BPN', active: false })).toMatchObject({
      code: 'pemda-64.71',
      name: 'Pemkot BPN',
      active: false,
      level: 'regency',
    });
  });
});
