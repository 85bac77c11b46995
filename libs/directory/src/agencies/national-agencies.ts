import { NATIONAL_TIME_ZONE } from '../regions/time-zones';
import { NATIONAL_TRIAGE_CODE, type AgencySeed } from './agency';

interface NationalAgency {
  readonly code: string;
  readonly name: string;
  readonly shortName: string;
  /** Defaults to national triage. */
  readonly parentCode?: string;
}

/**
 * National triage: the verifiers' desk that places what no rule can, and the top of every
 * escalation chain. Provinces and ministries escalate here rather than to, say, the home affairs
 * ministry: a province that misses its deadline may be failing on a health or a land matter, and
 * triage is where a person decides which ministry (or which supervisory route) fits.
 */
const NATIONAL_TRIAGE: NationalAgency = {
  code: NATIONAL_TRIAGE_CODE,
  name: 'Pengelola Nasional Pengaduan Pelayanan Publik',
  shortName: 'LAPOR! Pusat',
};

/**
 * Ministries and national agencies (K/L) that the complaint categories point to, under their names
 * since the 2024 cabinet. Codes are stable slugs, so a ministry renamed or split by a later cabinet
 * keeps its code and only its name changes here.
 */
const MINISTRIES: readonly NationalAgency[] = [
  {
    code: 'kl-kemendikdasmen',
    name: 'Kementerian Pendidikan Dasar dan Menengah',
    shortName: 'Kemendikdasmen',
  },
  {
    code: 'kl-kemdiktisaintek',
    name: 'Kementerian Pendidikan Tinggi, Sains, dan Teknologi',
    shortName: 'Kemdiktisaintek',
  },
  { code: 'kl-kemenkes', name: 'Kementerian Kesehatan', shortName: 'Kemenkes' },
  {
    code: 'kl-bpjs-kesehatan',
    name: 'Badan Penyelenggara Jaminan Sosial Kesehatan',
    shortName: 'BPJS Kesehatan',
  },
  { code: 'kl-kemenpu', name: 'Kementerian Pekerjaan Umum', shortName: 'Kementerian PU' },
  { code: 'kl-kemenhub', name: 'Kementerian Perhubungan', shortName: 'Kemenhub' },
  { code: 'kl-kemendagri', name: 'Kementerian Dalam Negeri', shortName: 'Kemendagri' },
  { code: 'kl-kemensos', name: 'Kementerian Sosial', shortName: 'Kemensos' },
  { code: 'kl-polri', name: 'Kepolisian Negara Republik Indonesia', shortName: 'Polri' },
  { code: 'kl-pln', name: 'PT Perusahaan Listrik Negara (Persero)', shortName: 'PLN' },
  {
    code: 'kl-esdm',
    name: 'Kementerian Energi dan Sumber Daya Mineral',
    shortName: 'Kementerian ESDM',
  },
  {
    // The state-owned enterprises ministry became a regulatory agency by the 2025 amendment of the
    // BUMN law; the code is the slug the ministry and the agency share.
    code: 'kl-bumn',
    name: 'Badan Pengaturan Badan Usaha Milik Negara',
    shortName: 'BP BUMN',
  },
  { code: 'kl-kemnaker', name: 'Kementerian Ketenagakerjaan', shortName: 'Kemnaker' },
  { code: 'kl-kemenkeu', name: 'Kementerian Keuangan', shortName: 'Kemenkeu' },
  {
    // A directorate general inside the finance ministry, with its own complaint desk (Kring Pajak):
    // tax complaints go to it first and escalate to the ministry.
    code: 'kl-djp',
    name: 'Direktorat Jenderal Pajak',
    shortName: 'DJP',
    parentCode: 'kl-kemenkeu',
  },
  { code: 'kl-kementan', name: 'Kementerian Pertanian', shortName: 'Kementan' },
  {
    code: 'kl-klh',
    name: 'Kementerian Lingkungan Hidup/Badan Pengendalian Lingkungan Hidup',
    shortName: 'KLH/BPLH',
  },
  { code: 'kl-komdigi', name: 'Kementerian Komunikasi dan Digital', shortName: 'Komdigi' },
  { code: 'kl-kemenag', name: 'Kementerian Agama', shortName: 'Kemenag' },
  {
    code: 'kl-atrbpn',
    name: 'Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional',
    shortName: 'ATR/BPN',
  },
  {
    code: 'kl-kemendes',
    name: 'Kementerian Desa dan Pembangunan Daerah Tertinggal',
    shortName: 'Kemendes PDT',
  },
  { code: 'kl-bnpb', name: 'Badan Nasional Penanggulangan Bencana', shortName: 'BNPB' },
  { code: 'kl-bkn', name: 'Badan Kepegawaian Negara', shortName: 'BKN' },
];

function nationalSeed(agency: NationalAgency, parentCode: string | null): AgencySeed {
  return {
    code: agency.code,
    name: agency.name,
    shortName: agency.shortName,
    level: 'national',
    parentCode,
    regionCode: null,
    timeZone: NATIONAL_TIME_ZONE,
    hasPpid: agency.code !== NATIONAL_TRIAGE_CODE,
    active: true,
  };
}

/** National triage first, then the ministries; every parent precedes its children. */
export function nationalAgencySeeds(): AgencySeed[] {
  return [
    nationalSeed(NATIONAL_TRIAGE, null),
    ...MINISTRIES.map((ministry) =>
      nationalSeed(ministry, ministry.parentCode ?? NATIONAL_TRIAGE_CODE),
    ),
  ];
}
