/*
 * Regenerates the checked-in region tables (src/data/regions.data.ts and src/data/villages.data.ts)
 * from the installed `idn-area-data` package, when a new Kemendagri decree is published:
 *
 *   npm install idn-area-data@<new version>
 *   node libs/directory/scripts/generate-region-data.mts
 *   npm run test:unit -- libs/directory     # the drift test compares the tables with the package
 *
 * Why a checked-in copy at all: the package only offers asynchronous, ESM-only loaders that stream
 * its CSV files, while region codes are checked synchronously on every request (intake) and inside
 * pure routing code. A compact module is loaded once with the code, needs no I/O at start-up, and
 * makes every change of the decree data visible as a reviewed diff.
 *
 * The script refuses data that breaks the invariants the directory relies on (code shapes, every
 * code nested in its parent, no duplicates), so a broken release of the package cannot slip in.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import * as prettier from 'prettier';

const PROVINCE = /^\d{2}$/;
const REGENCY = /^\d{2}\.\d{2}$/;
const DISTRICT = /^\d{2}\.\d{2}\.\d{2}$/;
const VILLAGE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

interface Row {
  readonly code: string;
  readonly parent: string | null;
  readonly name: string;
}

function vet(
  kind: string,
  rows: readonly Row[],
  shape: RegExp,
  parents: ReadonlySet<string>,
): void {
  const seen = new Set<string>();
  for (const row of rows) {
    if (!shape.test(row.code)) throw new Error(`${kind} ${row.code}: malformed code`);
    if (seen.has(row.code)) throw new Error(`${kind} ${row.code}: listed twice`);
    seen.add(row.code);
    if (row.name.trim() === '') throw new Error(`${kind} ${row.code}: no name`);
    if (row.parent !== null) {
      if (!row.code.startsWith(`${row.parent}.`)) {
        throw new Error(`${kind} ${row.code}: not nested in its parent ${row.parent}`);
      }
      if (!parents.has(row.parent)) throw new Error(`${kind} ${row.code}: unknown parent`);
    }
  }
}

const byCode = (a: Row, b: Row): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Suffixes of the children of each parent, in code order: `'64.71' → ['01', '02', …]`. */
function suffixesByParent(rows: readonly Row[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of [...rows].sort(byCode)) {
    const parent = row.parent!;
    const list = map.get(parent) ?? [];
    list.push(row.code.slice(parent.length + 1));
    map.set(parent, list);
  }
  return map;
}

/** `['2001', '2002', '2003', '1001']` → `'1001,2001-2003'`: villages are numbered in long runs. */
function runs(suffixes: readonly string[]): string {
  const numbers = suffixes.map(Number).sort((a, b) => a - b);
  const pad = (n: number): string => String(n).padStart(4, '0');
  const parts: string[] = [];
  let start = numbers[0];
  let end = start;
  for (const n of numbers.slice(1)) {
    if (n === end + 1) {
      end = n;
      continue;
    }
    parts.push(start === end ? pad(start) : `${pad(start)}-${pad(end)}`);
    start = end = n;
  }
  parts.push(start === end ? pad(start) : `${pad(start)}-${pad(end)}`);
  return parts.join(',');
}

const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

async function write(file: URL, text: string): Promise<void> {
  const path = fileURLToPath(file);
  const config = (await prettier.resolveConfig(path)) ?? {};
  await writeFile(path, await prettier.format(text, { ...config, filepath: path }));
  console.log(`wrote ${path}`);
}

const resolver = createRequire(import.meta.url);
const manifest = JSON.parse(
  await readFile(resolver.resolve('idn-area-data/package.json'), 'utf8'),
) as { version: string };

const provinces: Row[] = (await getProvinces()).map((p) => ({ ...p, parent: null }));
const regencies: Row[] = (await getRegencies()).map((r) => ({ ...r, parent: r.province_code }));
const districts: Row[] = (await getDistricts()).map((d) => ({ ...d, parent: d.regency_code }));
const villages: Row[] = (await getVillages()).map((v) => ({ ...v, parent: v.district_code }));

vet('province', provinces, PROVINCE, new Set());
vet('regency', regencies, REGENCY, new Set(provinces.map((p) => p.code)));
vet('district', districts, DISTRICT, new Set(regencies.map((r) => r.code)));
vet('village', villages, VILLAGE, new Set(districts.map((d) => d.code)));
for (const regency of regencies) {
  if (!/^(Kabupaten|Kota) /.test(regency.name)) {
    throw new Error(`regency ${regency.code}: name does not say Kabupaten or Kota`);
  }
}

const source = `idn-area-data ${manifest.version}`;
const header = `/*
 * Generated from ${source} (Kemendagri region codes; data under the Open Database License,
 * see libs/directory/README.md) by libs/directory/scripts/generate-region-data.mts.
 * Do not edit by hand: regenerate, then review the diff. A unit test keeps it equal to the package.
 */
`;

const districtLines = [...suffixesByParent(districts)].map(
  ([regency, suffixes]) => `  ${quote(regency)}: ${quote(suffixes.join(' '))},`,
);
await write(
  new URL('../src/data/regions.data.ts', import.meta.url),
  `${header}
/** The package and version these tables were generated from. */
export const REGION_DATA_SOURCE = { package: 'idn-area-data', version: ${quote(manifest.version)} } as const;

/** Every province: [code, name]. */
export const PROVINCE_ROWS: readonly (readonly [code: string, name: string])[] = [
${[...provinces]
  .sort(byCode)
  .map((p) => `  [${quote(p.code)}, ${quote(p.name)}],`)
  .join('\n')}
];

/** Every regency (kabupaten) and city (kota): [code, name]; the province is the code's first part. */
export const REGENCY_ROWS: readonly (readonly [code: string, name: string])[] = [
${[...regencies]
  .sort(byCode)
  .map((r) => `  [${quote(r.code)}, ${quote(r.name)}],`)
  .join('\n')}
];

/**
 * The districts (kecamatan) of each regency/city, as their last two digits separated by spaces:
 * \`'64.71': '01 02'\` means 64.71.01 and 64.71.02.
 */
export const DISTRICT_SUFFIXES: Readonly<Record<string, string>> = {
${districtLines.join('\n')}
};
`,
);

const villageLines = [...suffixesByParent(villages)].map(
  ([district, suffixes]) => `  ${quote(district)}: ${quote(runs(suffixes))},`,
);
await write(
  new URL('../src/data/villages.data.ts', import.meta.url),
  `${header}
/**
 * The villages (desa and kelurahan) of each district, as runs of their last four digits:
 * \`'11.01.01': '2001-2003,2005'\` means 11.01.01.2001, .2002, .2003 and .2005. Villages are numbered
 * consecutively, so runs keep some 84,000 codes in a few hundred kilobytes.
 */
export const VILLAGE_RUNS: Readonly<Record<string, string>> = {
${villageLines.join('\n')}
};
`,
);

console.log(
  `${source}: ${provinces.length} provinces, ${regencies.length} regencies/cities, ` +
    `${districts.length} districts, ${villages.length} villages`,
);
