import { UnknownCategoryError } from '../errors';

/**
 * Complaint categories: lower-case kebab-case words (`air-bersih`). The contracts accept any
 * lower-case words joined by `.`, `-` or `_` (room for sub-categories such as
 * `infrastruktur.jalan`); the catalogue keeps to the plain kebab-case subset of that.
 */
export const CATEGORY_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Who has authority over a category's matters by default. `regional`: under the regional autonomy
 * law (UU 23/2014) the regency/city or province government delivers the service (schools, clinics,
 * local roads, ID cards), so a complaint goes to the location's government, and the ministry is
 * where it escalates to on the national level or what a rule may target. `national`: an "absolute"
 * or centrally run affair (police, religion, land, taxes) or a national body (PLN, BPJS), so the
 * ministry or body takes it directly.
 */
export type CategoryAuthority = 'regional' | 'national';

export interface Category {
  readonly code: string;
  /** The name to show a reporter, in each of the contract's languages (`id`, `en`). */
  readonly name: { readonly id: string; readonly en: string };
  /** The national ministry or agency (`kl-…`) responsible for the matter. */
  readonly ministryCode: string;
  readonly defaultAuthority: CategoryAuthority;
}

/**
 * The catalogue, modelled on the topics SP4N LAPOR! reports most. Kept deliberately short: routing
 * rules and verifiers refine a complaint's placement; a category only has to say which ministry
 * the matter belongs to and whether the local government handles it first.
 */
export const CATEGORIES: readonly Category[] = Object.freeze(
  (
    [
      {
        code: 'pendidikan',
        name: { id: 'Pendidikan Dasar dan Menengah', en: 'Primary and secondary education' },
        ministryCode: 'kl-kemendikdasmen',
        defaultAuthority: 'regional',
      },
      {
        code: 'pendidikan-tinggi',
        name: { id: 'Pendidikan Tinggi', en: 'Higher education' },
        ministryCode: 'kl-kemdiktisaintek',
        defaultAuthority: 'national',
      },
      {
        code: 'kesehatan',
        name: { id: 'Pelayanan Kesehatan', en: 'Health services' },
        ministryCode: 'kl-kemenkes',
        defaultAuthority: 'regional',
      },
      {
        code: 'kesehatan-bpjs',
        name: {
          id: 'Jaminan Kesehatan Nasional (BPJS Kesehatan)',
          en: 'National health insurance',
        },
        ministryCode: 'kl-bpjs-kesehatan',
        defaultAuthority: 'national',
      },
      {
        code: 'infrastruktur',
        name: { id: 'Jalan, Jembatan dan Drainase', en: 'Roads, bridges and drainage' },
        ministryCode: 'kl-kemenpu',
        defaultAuthority: 'regional',
      },
      {
        code: 'air-bersih',
        name: { id: 'Air Bersih', en: 'Clean water supply' },
        ministryCode: 'kl-kemenpu',
        defaultAuthority: 'regional',
      },
      {
        code: 'transportasi',
        name: { id: 'Transportasi dan Perhubungan', en: 'Transport' },
        ministryCode: 'kl-kemenhub',
        defaultAuthority: 'regional',
      },
      {
        code: 'kependudukan',
        name: {
          id: 'Administrasi Kependudukan (KTP-el, KK, Akta)',
          en: 'Civil registration (ID cards, family cards, certificates)',
        },
        ministryCode: 'kl-kemendagri',
        defaultAuthority: 'regional',
      },
      {
        code: 'sosial',
        name: { id: 'Perlindungan dan Bantuan Sosial', en: 'Social protection and assistance' },
        ministryCode: 'kl-kemensos',
        defaultAuthority: 'regional',
      },
      {
        code: 'ketertiban',
        name: { id: 'Ketertiban Umum', en: 'Public order' },
        ministryCode: 'kl-kemendagri',
        defaultAuthority: 'regional',
      },
      {
        code: 'kepolisian',
        name: { id: 'Pelayanan Kepolisian', en: 'Police services' },
        ministryCode: 'kl-polri',
        defaultAuthority: 'national',
      },
      {
        code: 'listrik',
        name: { id: 'Listrik', en: 'Electricity' },
        ministryCode: 'kl-pln',
        defaultAuthority: 'national',
      },
      {
        code: 'energi',
        name: { id: 'BBM dan LPG', en: 'Fuel and LPG' },
        ministryCode: 'kl-esdm',
        defaultAuthority: 'national',
      },
      {
        code: 'bumn',
        name: { id: 'Layanan BUMN', en: 'State-owned enterprise services' },
        ministryCode: 'kl-bumn',
        defaultAuthority: 'national',
      },
      {
        code: 'ketenagakerjaan',
        name: { id: 'Ketenagakerjaan', en: 'Employment and labour' },
        ministryCode: 'kl-kemnaker',
        defaultAuthority: 'regional',
      },
      {
        code: 'perpajakan',
        name: { id: 'Perpajakan', en: 'Taxation' },
        ministryCode: 'kl-djp',
        defaultAuthority: 'national',
      },
      {
        code: 'pertanian',
        name: { id: 'Pertanian dan Pupuk Bersubsidi', en: 'Agriculture and subsidised fertiliser' },
        ministryCode: 'kl-kementan',
        defaultAuthority: 'regional',
      },
      {
        code: 'lingkungan-hidup',
        name: { id: 'Lingkungan Hidup dan Persampahan', en: 'Environment and waste' },
        ministryCode: 'kl-klh',
        defaultAuthority: 'regional',
      },
      {
        code: 'komunikasi-informatika',
        name: { id: 'Komunikasi dan Digital', en: 'Communications and digital services' },
        ministryCode: 'kl-komdigi',
        defaultAuthority: 'national',
      },
      {
        code: 'agama',
        name: { id: 'Keagamaan', en: 'Religious affairs' },
        ministryCode: 'kl-kemenag',
        defaultAuthority: 'national',
      },
      {
        code: 'pertanahan',
        name: { id: 'Pertanahan', en: 'Land affairs' },
        ministryCode: 'kl-atrbpn',
        defaultAuthority: 'national',
      },
      {
        code: 'desa',
        name: { id: 'Pembangunan Desa dan Dana Desa', en: 'Village development and funds' },
        ministryCode: 'kl-kemendes',
        defaultAuthority: 'regional',
      },
      {
        code: 'bencana',
        name: { id: 'Penanggulangan Bencana', en: 'Disaster management' },
        ministryCode: 'kl-bnpb',
        defaultAuthority: 'regional',
      },
      {
        code: 'kepegawaian',
        name: { id: 'Kepegawaian ASN', en: 'Civil service' },
        ministryCode: 'kl-bkn',
        defaultAuthority: 'national',
      },
    ] satisfies Category[]
  ).map((category) => Object.freeze(category)),
);

const CATEGORIES_BY_CODE: ReadonlyMap<string, Category> = new Map(
  CATEGORIES.map((category) => [category.code, category]),
);

/** The catalogue entry for a code, else undefined. */
export function findCategory(code: string): Category | undefined {
  return CATEGORIES_BY_CODE.get(code);
}

export function isCategoryCode(code: string): boolean {
  return CATEGORIES_BY_CODE.has(code);
}

/** @throws UnknownCategoryError for a code outside the catalogue. */
export function categoryOf(code: string): Category {
  const category = CATEGORIES_BY_CODE.get(code);
  if (category === undefined) throw new UnknownCategoryError(code);
  return category;
}
