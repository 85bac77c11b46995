/**
 * Decoding of the compact tables in `../data` (see the generator script for the encoding). Kept
 * apart from the directory so the drift test can expand the tables with the same code the
 * directory answers from.
 */

/** `{ '64.71': '01 02' }` → `['64.71.01', '64.71.02']`. */
export function expandDistricts(suffixes: Readonly<Record<string, string>>): string[] {
  const codes: string[] = [];
  for (const [regency, list] of Object.entries(suffixes)) {
    for (const suffix of list.split(' ')) codes.push(`${regency}.${suffix}`);
  }
  return codes;
}

/** Whether a run list such as `'1001,2001-2015'` includes a four-digit village suffix. */
export function runsInclude(runs: string, suffix: string): boolean {
  const n = Number(suffix);
  for (const run of runs.split(',')) {
    const [start, end = start] = run.split('-');
    if (n >= Number(start) && n <= Number(end)) return true;
  }
  return false;
}

/** `{ '11.01.01': '2001-2002' }` → `['11.01.01.2001', '11.01.01.2002']`. */
export function expandVillageRuns(runsByDistrict: Readonly<Record<string, string>>): string[] {
  const codes: string[] = [];
  for (const [district, runs] of Object.entries(runsByDistrict)) {
    for (const run of runs.split(',')) {
      const [start, end = start] = run.split('-');
      for (let n = Number(start); n <= Number(end); n++) {
        codes.push(`${district}.${String(n).padStart(4, '0')}`);
      }
    }
  }
  return codes;
}
