/**
 * Indonesia's three standard times and the IANA zone of each province. Clocks (SLA deadlines,
 * working hours) run in the assigned agency's zone, which is its province's.
 */
export const STANDARD_TIMES = ['WIB', 'WITA', 'WIT'] as const;
/** WIB (UTC+7, Western), WITA (UTC+8, Central), WIT (UTC+9, Eastern) Indonesia Time. */
export type StandardTime = (typeof STANDARD_TIMES)[number];

export const INDONESIAN_TIME_ZONES = [
  'Asia/Jakarta',
  'Asia/Pontianak',
  'Asia/Makassar',
  'Asia/Jayapura',
] as const;
export type IndonesianTimeZone = (typeof INDONESIAN_TIME_ZONES)[number];

/** The zone national agencies (K/L, national triage) keep their office hours in: Jakarta's. */
export const NATIONAL_TIME_ZONE: IndonesianTimeZone = 'Asia/Jakarta';

export const STANDARD_TIME_OF_ZONE: Readonly<Record<IndonesianTimeZone, StandardTime>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/**
 * The zone of every province, by Kemendagri code. West and Central Kalimantan keep WIB but are
 * `Asia/Pontianak` in the tz database, which is where they belong; it is UTC+7 like Jakarta, so
 * the choice only matters if either zone's history or rules ever diverge. Keyed by code rather
 * than derived from ranges, so a province added by a future decree has no zone until someone
 * decides it, and the directory refuses to load until then.
 */
export const PROVINCE_TIME_ZONES: Readonly<Partial<Record<string, IndonesianTimeZone>>> = {
  // Sumatra and its islands
  '11': 'Asia/Jakarta', // Aceh
  '12': 'Asia/Jakarta', // Sumatera Utara
  '13': 'Asia/Jakarta', // Sumatera Barat
  '14': 'Asia/Jakarta', // Riau
  '15': 'Asia/Jakarta', // Jambi
  '16': 'Asia/Jakarta', // Sumatera Selatan
  '17': 'Asia/Jakarta', // Bengkulu
  '18': 'Asia/Jakarta', // Lampung
  '19': 'Asia/Jakarta', // Kepulauan Bangka Belitung
  '21': 'Asia/Jakarta', // Kepulauan Riau
  // Java
  '31': 'Asia/Jakarta', // DKI Jakarta
  '32': 'Asia/Jakarta', // Jawa Barat
  '33': 'Asia/Jakarta', // Jawa Tengah
  '34': 'Asia/Jakarta', // DI Yogyakarta
  '35': 'Asia/Jakarta', // Jawa Timur
  '36': 'Asia/Jakarta', // Banten
  // Bali and Nusa Tenggara
  '51': 'Asia/Makassar', // Bali
  '52': 'Asia/Makassar', // Nusa Tenggara Barat
  '53': 'Asia/Makassar', // Nusa Tenggara Timur
  // Kalimantan: the west and centre on WIB, the south, east and north on WITA
  '61': 'Asia/Pontianak', // Kalimantan Barat
  '62': 'Asia/Pontianak', // Kalimantan Tengah
  '63': 'Asia/Makassar', // Kalimantan Selatan
  '64': 'Asia/Makassar', // Kalimantan Timur
  '65': 'Asia/Makassar', // Kalimantan Utara
  // Sulawesi
  '71': 'Asia/Makassar', // Sulawesi Utara
  '72': 'Asia/Makassar', // Sulawesi Tengah
  '73': 'Asia/Makassar', // Sulawesi Selatan
  '74': 'Asia/Makassar', // Sulawesi Tenggara
  '75': 'Asia/Makassar', // Gorontalo
  '76': 'Asia/Makassar', // Sulawesi Barat
  // Maluku
  '81': 'Asia/Jayapura', // Maluku
  '82': 'Asia/Jayapura', // Maluku Utara
  // Papua
  '91': 'Asia/Jayapura', // Papua
  '92': 'Asia/Jayapura', // Papua Barat
  '93': 'Asia/Jayapura', // Papua Selatan
  '94': 'Asia/Jayapura', // Papua Tengah
  '95': 'Asia/Jayapura', // Papua Pegunungan
  '96': 'Asia/Jayapura', // Papua Barat Daya
};
