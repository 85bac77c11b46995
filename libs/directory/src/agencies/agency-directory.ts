import { CATEGORIES, type Category } from '../categories/categories';
import { InvalidDirectoryError, UnknownAgencyError, UnknownCategoryError } from '../errors';
import { regionLevelOf } from '../regions/region-code';
import {
  AGENCY_CODE_PATTERN,
  AGENCY_LEVELS,
  governmentCodeOf,
  isIndonesianTimeZone,
  type AgencyLevel,
  type AgencySeed,
} from './agency';
import { standardAgencySeeds } from './agency-seeds';

/** The level a parent must have, by the level of its child: regency/city → province → national. */
const PARENT_LEVEL: Readonly<Record<AgencyLevel, AgencyLevel>> = {
  regency: 'province',
  province: 'national',
  national: 'national',
};

/**
 * The agencies and how they hang together, indexed by code and by parent, so every lookup is a
 * map access (routing consults it for each complaint, and its rule engine for each rule target).
 * Lookups return agencies whether active or not; only `escalationTargetOf` skips inactive ones,
 * because it answers where a complaint should go now.
 */
export class AgencyDirectory {
  private static standardDirectory: AgencyDirectory | undefined;

  private readonly agencies: readonly AgencySeed[];
  private readonly byCode = new Map<string, AgencySeed>();
  private readonly childrenByParent = new Map<string, AgencySeed[]>();
  private readonly ministriesByCategory = new Map<string, AgencySeed>();

  /** The directory over `standardAgencySeeds()` and `CATEGORIES`, built once. */
  static standard(): AgencyDirectory {
    AgencyDirectory.standardDirectory ??= new AgencyDirectory(standardAgencySeeds());
    return AgencyDirectory.standardDirectory;
  }

  /**
   * @param agencies the shipped seeds, or the rows routing keeps (admins add and edit agencies).
   * @param categories whose ministries must all be among the agencies.
   * @throws InvalidDirectoryError listing every contradiction: duplicate or malformed codes, a
   *   missing parent, a parent at the wrong level or outside the region, a cycle, a category whose
   *   ministry is missing.
   */
  constructor(agencies: readonly AgencySeed[], categories: readonly Category[] = CATEGORIES) {
    const problems: string[] = [];
    for (const agency of agencies) {
      if (this.byCode.has(agency.code)) problems.push(`${agency.code} is listed twice`);
      this.byCode.set(agency.code, agency);
      problems.push(...ownProblems(agency));
    }
    for (const agency of agencies) {
      if (agency.parentCode === null) continue;
      const parent = this.byCode.get(agency.parentCode);
      if (parent === undefined) {
        problems.push(`${agency.code}: parent ${agency.parentCode} is not in the directory`);
        continue;
      }
      problems.push(...parentProblems(agency, parent));
      const siblings = this.childrenByParent.get(parent.code) ?? [];
      siblings.push(agency);
      this.childrenByParent.set(parent.code, siblings);
    }
    problems.push(...this.cycles());
    for (const category of categories) {
      const ministry = this.byCode.get(category.ministryCode);
      if (ministry?.level !== 'national') {
        problems.push(`category ${category.code}: ministry ${category.ministryCode} is missing`);
      } else {
        this.ministriesByCategory.set(category.code, ministry);
      }
    }
    if (problems.length > 0) throw new InvalidDirectoryError(problems);
    this.agencies = Object.freeze([...agencies]);
  }

  /** Every agency, in the order given (the seeds: parents before children). */
  all(): readonly AgencySeed[] {
    return this.agencies;
  }

  get(code: string): AgencySeed | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** @throws UnknownAgencyError */
  getOrThrow(code: string): AgencySeed {
    const agency = this.byCode.get(code);
    if (agency === undefined) throw new UnknownAgencyError(code);
    return agency;
  }

  /**
   * The agency a complaint escalates to from this one; null for national triage.
   * @throws UnknownAgencyError
   */
  parentOf(code: string): AgencySeed | null {
    const { parentCode } = this.getOrThrow(code);
    return parentCode === null ? null : this.byCode.get(parentCode)!;
  }

  /**
   * The agencies directly below this one: a province's regencies and cities, triage's provinces
   * and ministries. A supervisor's reach (DESIGN.md, "HTTP") is its agency and these.
   * @throws UnknownAgencyError
   */
  childrenOf(code: string): readonly AgencySeed[] {
    this.getOrThrow(code);
    return this.childrenByParent.get(code) ?? [];
  }

  /**
   * The agency itself, then each one it escalates to, up to national triage:
   * `pemda-64.02` → `pemda-64` → `lapor-pusat`. Structural: inactive agencies are included.
   * @throws UnknownAgencyError
   */
  escalationChain(code: string): readonly AgencySeed[] {
    const chain = [this.getOrThrow(code)];
    for (let parent = this.parentOf(code); parent !== null; parent = this.parentOf(parent.code)) {
      chain.push(parent);
    }
    return chain;
  }

  /**
   * Where an escalation from this agency goes now: its nearest active ancestor, skipping any that
   * has been deactivated; null when nothing above it is active (national triage itself).
   * @throws UnknownAgencyError
   */
  escalationTargetOf(code: string): AgencySeed | null {
    return (
      this.escalationChain(code)
        .slice(1)
        .find((agency) => agency.active) ?? null
    );
  }

  /**
   * Whether `code` lies strictly below `ancestorCode` (a regency under its province, anything
   * under national triage).
   * @throws UnknownAgencyError for either code.
   */
  isDescendantOf(code: string, ancestorCode: string): boolean {
    this.getOrThrow(ancestorCode);
    return this.escalationChain(code)
      .slice(1)
      .some((agency) => agency.code === ancestorCode);
  }

  /**
   * The government of the regency or city a region code lies in (`64.71.01.1001` → `pemda-64.71`);
   * undefined for a province code, a malformed code or a regency without one in the directory.
   */
  regencyGovernmentFor(regionCode: string): AgencySeed | undefined {
    const level = regionLevelOf(regionCode);
    if (level === undefined || level === 'province') return undefined;
    return this.byCode.get(governmentCodeOf(regionCode.slice(0, 5)));
  }

  /**
   * The government of the province a region code lies in (`64.71` → `pemda-64`); undefined for a
   * malformed code or a province without one in the directory.
   */
  provinceGovernmentFor(regionCode: string): AgencySeed | undefined {
    if (regionLevelOf(regionCode) === undefined) return undefined;
    return this.byCode.get(governmentCodeOf(regionCode.slice(0, 2)));
  }

  /**
   * The deepest regional government for a location, the default target of routing (DESIGN.md,
   * "Complaint lifecycle"): the regency's or city's below province level, else the province's.
   */
  localGovernmentFor(regionCode: string): AgencySeed | undefined {
    return this.regencyGovernmentFor(regionCode) ?? this.provinceGovernmentFor(regionCode);
  }

  /**
   * The national ministry or agency a category belongs to (`kesehatan` → `kl-kemenkes`).
   * @throws UnknownCategoryError for a code outside the catalogue the directory was built with.
   */
  ministryForCategory(categoryCode: string): AgencySeed {
    // The constructor gave every category of the catalogue its ministry, so a miss is a code
    // outside the catalogue.
    const ministry = this.ministriesByCategory.get(categoryCode);
    if (ministry === undefined) throw new UnknownCategoryError(categoryCode);
    return ministry;
  }

  /** Agencies on a walk up from each one that come back to where they started. */
  private cycles(): string[] {
    const problems: string[] = [];
    const settled = new Set<string>();
    for (const start of this.byCode.values()) {
      const path = new Set<string>();
      let current: AgencySeed | undefined = start;
      while (current !== undefined && !settled.has(current.code)) {
        if (path.has(current.code)) {
          problems.push(`${current.code} is its own ancestor (${[...path].join(' → ')})`);
          break;
        }
        path.add(current.code);
        current = current.parentCode === null ? undefined : this.byCode.get(current.parentCode);
      }
      for (const code of path) settled.add(code);
    }
    return problems;
  }
}

/**
 * What is wrong with one agency on its own. Level and zone are checked although the types promise
 * them, because the agencies may come from rows an admin edited.
 */
function ownProblems(agency: AgencySeed): string[] {
  const problems: string[] = [];
  const { code, level, regionCode } = agency;
  const levelName: string = level;
  const timeZone: string = agency.timeZone;
  if (!AGENCY_CODE_PATTERN.test(code)) problems.push(`${code} is not an agency code`);
  if (!(AGENCY_LEVELS as readonly string[]).includes(levelName)) {
    problems.push(`${code}: unknown level ${levelName}`);
  }
  if (!isIndonesianTimeZone(timeZone)) {
    problems.push(`${code}: ${timeZone} is not an Indonesian time zone`);
  }
  if (agency.name.trim() === '' || agency.shortName.trim() === '') {
    problems.push(`${code}: has no name`);
  }
  if (level === 'national') {
    if (regionCode !== null) problems.push(`${code}: a national agency governs no region`);
    if (code.startsWith('pemda-')) problems.push(`${code}: a regional government is not national`);
  } else if (regionCode === null || regionLevelOf(regionCode) !== level) {
    problems.push(`${code}: a ${level} government needs a ${level} region code`);
  } else if (code !== governmentCodeOf(regionCode)) {
    problems.push(`${code}: the government of ${regionCode} is ${governmentCodeOf(regionCode)}`);
  }
  if (agency.parentCode === null && level !== 'national') {
    problems.push(`${code}: only a national agency may have no parent`);
  }
  return problems;
}

/** What is wrong with an agency's parent: the chain runs regency/city → province → national. */
function parentProblems(agency: AgencySeed, parent: AgencySeed): string[] {
  const expected = PARENT_LEVEL[agency.level];
  if (parent.level !== expected) {
    return [`${agency.code}: parent ${parent.code} is ${parent.level}, not ${expected}`];
  }
  if (
    agency.level === 'regency' &&
    agency.regionCode !== null &&
    parent.regionCode !== agency.regionCode.slice(0, 2)
  ) {
    return [`${agency.code}: parent ${parent.code} is not the government of its province`];
  }
  return [];
}
