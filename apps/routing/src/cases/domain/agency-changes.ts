import {
  AgencyDirectory,
  InvalidDirectoryError,
  isIndonesianTimeZone,
  type AgencySeed,
} from '@salur/directory';
import { DomainError } from '@salur/platform';

/** A change an admin asked for would leave the directory inconsistent. */
export class AgencyChangeRefused extends DomainError {
  readonly code = 'AgencyChangeRefused';
  constructor(readonly problems: readonly string[]) {
    super(`the change would leave the directory inconsistent: ${problems.join('; ')}`, {
      details: { problems },
    });
  }
}

export interface AgencyEdit {
  readonly name?: string;
  readonly shortName?: string;
  readonly parentCode?: string | null;
  readonly timeZone?: string;
  readonly hasPpid?: boolean;
  readonly active?: boolean;
}

/** The directory over the agencies after a change, or the problems the change causes. */
export function directoryAfter(agencies: readonly AgencySeed[]): AgencyDirectory {
  try {
    return new AgencyDirectory(agencies);
  } catch (error) {
    if (error instanceof InvalidDirectoryError) throw new AgencyChangeRefused(error.problems);
    throw error;
  }
}

/** The agency with an edit applied; the code, level and region never change. */
export function editAgency(agency: AgencySeed, edit: AgencyEdit): AgencySeed {
  if (edit.timeZone !== undefined && !isIndonesianTimeZone(edit.timeZone)) {
    throw new AgencyChangeRefused([`${edit.timeZone} is not an Indonesian time zone`]);
  }
  return {
    ...agency,
    ...(edit.name !== undefined ? { name: edit.name } : {}),
    ...(edit.shortName !== undefined ? { shortName: edit.shortName } : {}),
    ...(edit.parentCode !== undefined ? { parentCode: edit.parentCode } : {}),
    ...(edit.timeZone !== undefined && isIndonesianTimeZone(edit.timeZone)
      ? { timeZone: edit.timeZone }
      : {}),
    ...(edit.hasPpid !== undefined ? { hasPpid: edit.hasPpid } : {}),
    ...(edit.active !== undefined ? { active: edit.active } : {}),
  };
}

/**
 * The seeds merged into what is stored, for the seed command: new agencies are added, changed
 * decree data (names, parents, zones, PPID) is updated, and an admin's deactivation stands.
 */
export function mergeSeeds(
  stored: readonly AgencySeed[],
  seeds: readonly AgencySeed[],
): { agencies: AgencySeed[]; added: number; updated: number } {
  const byCode = new Map(stored.map((a) => [a.code, a]));
  let added = 0;
  let updated = 0;
  for (const seed of seeds) {
    const current = byCode.get(seed.code);
    if (!current) {
      byCode.set(seed.code, seed);
      added++;
      continue;
    }
    const merged = { ...seed, active: current.active };
    if (JSON.stringify(merged) !== JSON.stringify(current)) {
      byCode.set(seed.code, merged);
      updated++;
    }
  }
  return { agencies: [...byCode.values()], added, updated };
}
