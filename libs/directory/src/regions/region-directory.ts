import {
  DISTRICT_SUFFIXES,
  PROVINCE_ROWS,
  REGENCY_ROWS,
  REGION_DATA_SOURCE,
} from '../data/regions.data';
import { VILLAGE_RUNS } from '../data/villages.data';
import { InvalidDirectoryError, UnknownRegionError } from '../errors';
import { normaliseRegionCode, regionLevelOf, type RegionLevel } from './region-code';
import { expandDistricts, runsInclude } from './region-tables';
import {
  PROVINCE_TIME_ZONES,
  STANDARD_TIME_OF_ZONE,
  type IndonesianTimeZone,
  type StandardTime,
} from './time-zones';

export interface Province {
  /** Kemendagri code: `64`. */
  readonly code: string;
  /** As the decree writes it: `Kalimantan Timur`. */
  readonly name: string;
  readonly timeZone: IndonesianTimeZone;
  readonly standardTime: StandardTime;
}

/** Kabupaten (regency) or kota (city): the two kinds of second-level region. */
export type RegencyKind = 'kabupaten' | 'kota';

export interface Regency {
  /** Kemendagri code: `64.02`, `64.71`. Kota codes are numbered from 71. */
  readonly code: string;
  /** As the decree writes it, kind included: `Kabupaten Kutai Kartanegara`, `Kota Balikpapan`. */
  readonly name: string;
  readonly kind: RegencyKind;
  /**
   * Jakarta's five kota administrasi and Kabupaten Administrasi Kepulauan Seribu are not autonomous
   * regions: their mayors and regent are appointed by, and answer to, the province's governor.
   */
  readonly administrative: boolean;
  readonly provinceCode: string;
  /** Its province's zone. */
  readonly timeZone: IndonesianTimeZone;
  readonly standardTime: StandardTime;
}

/** The tables a directory is built from; `RegionDirectory.standard()` uses the checked-in ones. */
export interface RegionTables {
  readonly provinces: readonly (readonly [code: string, name: string])[];
  readonly regencies: readonly (readonly [code: string, name: string])[];
  /** Two-digit district suffixes per regency, space-separated. */
  readonly districts: Readonly<Record<string, string>>;
  /** Runs of four-digit village suffixes per district: `'2001-2015,1001'`. */
  readonly villages: Readonly<Record<string, string>>;
}

/** The answer to "is this a region code we know?", with a message fit to show a reporter. */
export type RegionCheck =
  | { readonly known: true; readonly code: string; readonly level: RegionLevel }
  | { readonly known: false; readonly reason: 'malformed'; readonly message: string }
  | {
      readonly known: false;
      readonly reason: 'unknown';
      readonly level: RegionLevel;
      readonly message: string;
    };

export interface RegionCounts {
  readonly provinces: number;
  readonly regencies: number;
  readonly districts: number;
  readonly villages: number;
}

/**
 * Every Kemendagri region, to the village. Lookups take canonical dotted codes only (`64.71`, not
 * `6471`): the contracts validate that form on the wire, so accepting others here would let a code
 * through that an event then refuses. Run outside input through `normalise` first.
 */
export class RegionDirectory {
  private static standardDirectory: RegionDirectory | undefined;

  private readonly provinceList: readonly Province[];
  private readonly regencyList: readonly Regency[];
  private readonly provincesByCode = new Map<string, Province>();
  private readonly regenciesByCode = new Map<string, Regency>();
  private readonly regenciesByProvince = new Map<string, Regency[]>();
  private readonly districtCodes: ReadonlySet<string>;
  private readonly villageRuns: ReadonlyMap<string, string>;
  private readonly villageCount: number;

  /** The directory over the checked-in tables (see `REGION_DATA_SOURCE`), built once. */
  static standard(): RegionDirectory {
    RegionDirectory.standardDirectory ??= new RegionDirectory({
      provinces: PROVINCE_ROWS,
      regencies: REGENCY_ROWS,
      districts: DISTRICT_SUFFIXES,
      villages: VILLAGE_RUNS,
    });
    return RegionDirectory.standardDirectory;
  }

  /** Where the standard tables come from: `{ package: 'idn-area-data', version }`. */
  static readonly source = REGION_DATA_SOURCE;

  /** @throws InvalidDirectoryError when the tables contradict themselves. */
  constructor(tables: RegionTables) {
    const problems: string[] = [];

    for (const [code, name] of tables.provinces) {
      const timeZone = PROVINCE_TIME_ZONES[code];
      if (regionLevelOf(code) !== 'province') problems.push(`province ${code}: malformed code`);
      if (timeZone === undefined) {
        problems.push(`province ${code} (${name}) has no time zone`);
        continue;
      }
      const province = { code, name, timeZone, standardTime: STANDARD_TIME_OF_ZONE[timeZone] };
      this.provincesByCode.set(code, Object.freeze(province));
    }

    for (const [code, name] of tables.regencies) {
      const province = this.provincesByCode.get(code.slice(0, 2));
      if (regionLevelOf(code) !== 'regency') problems.push(`regency ${code}: malformed code`);
      if (province === undefined) {
        problems.push(`regency ${code} (${name}) lies in no known province`);
        continue;
      }
      const regency: Regency = Object.freeze({
        code,
        name,
        kind: name.startsWith('Kota ') ? 'kota' : 'kabupaten',
        administrative: /^(Kabupaten|Kota) Administrasi /.test(name),
        provinceCode: province.code,
        timeZone: province.timeZone,
        standardTime: province.standardTime,
      });
      this.regenciesByCode.set(code, regency);
      const siblings = this.regenciesByProvince.get(province.code) ?? [];
      siblings.push(regency);
      this.regenciesByProvince.set(province.code, siblings);
    }

    const districts = expandDistricts(tables.districts);
    for (const code of districts) {
      if (regionLevelOf(code) !== 'district') problems.push(`district ${code}: malformed code`);
      else if (!this.regenciesByCode.has(code.slice(0, 5))) {
        problems.push(`district ${code} lies in no known regency`);
      }
    }
    this.districtCodes = new Set(districts);

    let villageCount = 0;
    for (const [district, runs] of Object.entries(tables.villages)) {
      if (!this.districtCodes.has(district))
        problems.push(`villages of unknown district ${district}`);
      if (!/^\d{4}(-\d{4})?(,\d{4}(-\d{4})?)*$/.test(runs)) {
        problems.push(`villages of district ${district}: malformed runs ${runs}`);
        continue;
      }
      for (const run of runs.split(',')) {
        const [start, end = start] = run.split('-');
        villageCount += Number(end) - Number(start) + 1;
      }
    }
    this.villageRuns = new Map(Object.entries(tables.villages));
    this.villageCount = villageCount;

    if (problems.length > 0) throw new InvalidDirectoryError(problems);
    const byCode = (a: { code: string }, b: { code: string }): number =>
      a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
    this.provinceList = Object.freeze([...this.provincesByCode.values()].sort(byCode));
    this.regencyList = Object.freeze([...this.regenciesByCode.values()].sort(byCode));
    for (const list of this.regenciesByProvince.values()) list.sort(byCode);
  }

  /** Every province, in code order. */
  provinces(): readonly Province[] {
    return this.provinceList;
  }

  /** Every regency and city, in code order. */
  regencies(): readonly Regency[] {
    return this.regencyList;
  }

  /**
   * The regencies and cities of a province, in code order.
   * @throws UnknownRegionError for a code that is not a known province.
   */
  regenciesOf(provinceCode: string): readonly Regency[] {
    const regencies = this.regenciesByProvince.get(provinceCode);
    if (regencies === undefined) {
      throw new UnknownRegionError(provinceCode, `${provinceCode} is not a known province`);
    }
    return regencies;
  }

  /** The province with exactly this code (`64`), else undefined. */
  province(code: string): Province | undefined {
    return this.provincesByCode.get(code);
  }

  /** The regency or city with exactly this code (`64.71`), else undefined. */
  regency(code: string): Regency | undefined {
    return this.regenciesByCode.get(code);
  }

  /** Whether the code names a province, regency/city, district or village of the decree. */
  isKnown(code: string): boolean {
    return this.check(code).known;
  }

  /**
   * Whether the code is known and, if not, why: malformed, or which level failed. Intake answers an
   * unknown location with the message (`64.99 is not a regency or city of Kalimantan Timur`).
   */
  check(code: string): RegionCheck {
    const level = regionLevelOf(code);
    if (level === undefined) {
      return {
        known: false,
        reason: 'malformed',
        message: `${code} is not a Kemendagri region code such as 64, 64.71, 64.71.01 or 64.71.01.1001`,
      };
    }
    const province = this.provincesByCode.get(code.slice(0, 2));
    if (province === undefined) {
      return this.unknown(level, `${code.slice(0, 2)} is not a province`);
    }
    if (level === 'province') return { known: true, code, level };

    const regency = this.regenciesByCode.get(code.slice(0, 5));
    if (regency === undefined) {
      return this.unknown(
        level,
        `${code.slice(0, 5)} is not a regency or city of ${province.name} (${province.code})`,
      );
    }
    if (level === 'regency') return { known: true, code, level };

    const district = code.slice(0, 8);
    if (!this.districtCodes.has(district)) {
      return this.unknown(
        level,
        `${district} is not a district of ${regency.name} (${regency.code})`,
      );
    }
    if (level === 'district') return { known: true, code, level };

    const runs = this.villageRuns.get(district);
    if (runs === undefined || !runsInclude(runs, code.slice(9))) {
      return this.unknown(level, `${code} is not a village of district ${district}`);
    }
    return { known: true, code, level };
  }

  /**
   * The province a known code lies in (a province code gives itself).
   * @throws UnknownRegionError for a malformed or unknown code.
   */
  provinceOf(code: string): Province {
    this.assertKnown(code);
    return this.provincesByCode.get(code.slice(0, 2))!;
  }

  /**
   * The regency or city a known code lies in (a regency code gives itself); null for a province,
   * which no regency contains.
   * @throws UnknownRegionError for a malformed or unknown code.
   */
  regencyOf(code: string): Regency | null {
    this.assertKnown(code);
    return code.length === 2 ? null : this.regenciesByCode.get(code.slice(0, 5))!;
  }

  /**
   * The IANA zone of a known code: its province's.
   * @throws UnknownRegionError for a malformed or unknown code.
   */
  timeZoneOf(code: string): IndonesianTimeZone {
    return this.provinceOf(code).timeZone;
  }

  /** The canonical dotted form of a code (`6471` → `64.71`), or undefined; existence unchecked. */
  normalise(input: string): string | undefined {
    return normaliseRegionCode(input);
  }

  counts(): RegionCounts {
    return {
      provinces: this.provinceList.length,
      regencies: this.regencyList.length,
      districts: this.districtCodes.size,
      villages: this.villageCount,
    };
  }

  private assertKnown(code: string): void {
    const check = this.check(code);
    if (!check.known) throw new UnknownRegionError(code, check.message);
  }

  private unknown(level: RegionLevel, message: string): RegionCheck {
    return { known: false, reason: 'unknown', level, message };
  }
}
