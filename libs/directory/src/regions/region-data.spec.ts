import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  DISTRICT_SUFFIXES,
  PROVINCE_ROWS,
  REGENCY_ROWS,
  REGION_DATA_SOURCE,
} from '../data/regions.data';
import { VILLAGE_RUNS } from '../data/villages.data';
import { expandDistricts, expandVillageRuns } from './region-tables';

/*
 * The checked-in tables must say exactly what the installed idn-area-data package ships, so they
 * cannot drift from it: after upgrading the package, this fails until the tables are regenerated
 * (scripts/generate-region-data.mts). It reads the package's CSV files directly, with a parser of
 * its own, so it does not share a mistake with the generator, which goes through the package's API.
 */

const packageDir = dirname(require.resolve('idn-area-data/package.json'));

/** RFC 4180: fields separated by commas, optionally quoted, with `""` for a quote inside quotes. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])));
}

function shipped(area: 'provinces' | 'regencies' | 'districts' | 'villages') {
  return parseCsv(readFileSync(join(packageDir, 'data', `${area}.csv`), 'utf8'));
}

/** What one list has that the other lacks; a short failure message even for 84,000 codes. */
function difference(checkedIn: readonly string[], inPackage: readonly string[]) {
  const ours = new Set(checkedIn);
  const theirs = new Set(inPackage);
  return {
    missing: inPackage.filter((item) => !ours.has(item)),
    extra: checkedIn.filter((item) => !theirs.has(item)),
    duplicates: checkedIn.length - ours.size,
  };
}

const same = { missing: [], extra: [], duplicates: 0 };

describe('checked-in region tables', () => {
  it('name the package version installed', () => {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
    expect(REGION_DATA_SOURCE).toEqual({ package: 'idn-area-data', version: manifest.version });
  });

  it('hold every province the package ships, with its name', () => {
    const provinces = shipped('provinces');
    expect(
      difference(
        PROVINCE_ROWS.map(([code, name]) => `${code} ${name}`),
        provinces.map((p) => `${p.code} ${p.name}`),
      ),
    ).toEqual(same);
  });

  it('hold every regency and city the package ships, each inside its province', () => {
    const regencies = shipped('regencies');
    for (const regency of regencies) expect(regency.code.slice(0, 2)).toBe(regency.province_code);
    expect(
      difference(
        REGENCY_ROWS.map(([code, name]) => `${code} ${name}`),
        regencies.map((r) => `${r.code} ${r.name}`),
      ),
    ).toEqual(same);
  });

  it('hold every district the package ships, each inside its regency', () => {
    const districts = shipped('districts');
    for (const district of districts) {
      expect(district.code.slice(0, 5)).toBe(district.regency_code);
    }
    expect(
      difference(
        expandDistricts(DISTRICT_SUFFIXES),
        districts.map((d) => d.code),
      ),
    ).toEqual(same);
  });

  it('hold every village the package ships, each inside its district', () => {
    const villages = shipped('villages');
    const misplaced = villages.filter((v) => v.code.slice(0, 8) !== v.district_code);
    expect(misplaced).toEqual([]);
    expect(
      difference(
        expandVillageRuns(VILLAGE_RUNS),
        villages.map((v) => v.code),
      ),
    ).toEqual(same);
  });
});
