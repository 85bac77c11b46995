import type { HolidayDecree, HolidayTable, NationalHoliday } from './holiday-types';

/*
 * National holidays (libur nasional) and cuti bersama as set by each year's joint decree of the
 * Ministers of Religious Affairs, Manpower and PANRB. Every entry is copied from the decree (or
 * its amendment), never computed: the Islamic dates in particular are the government's, fixed in
 * advance by the decree and confirmed by the Minister of Religious Affairs after the isbat.
 *
 * docs/holidays.md says where each year comes from, what is still to be checked against the
 * signed text, and how to add a year. Raise `version` with every change to the entries.
 */

const SKB_TITLE =
  'Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan, dan Menteri Pendayagunaan ' +
  'Aparatur Negara dan Reformasi Birokrasi';

const SKB_2025: HolidayDecree = {
  id: 'SKB 1017/2024, 2/2024, 2/2024',
  title: `${SKB_TITLE} tentang Hari Libur Nasional dan Cuti Bersama Tahun 2025`,
  numbers: {
    religiousAffairs: '1017 Tahun 2024',
    manpower: '2 Tahun 2024',
    administrativeReform: '2 Tahun 2024',
  },
  signedOn: '2024-10-14',
};

/** Adds cuti bersama on Monday 18 August 2025, for the 80th anniversary of independence. */
const SKB_2025_AMENDMENT: HolidayDecree = {
  id: 'SKB 933/2025, 1/2025, 3/2025',
  title:
    `${SKB_TITLE} tentang Perubahan atas Keputusan Bersama Nomor 1017 Tahun 2024, Nomor 2 ` +
    'Tahun 2024, dan Nomor 2 Tahun 2024 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2025',
  numbers: {
    religiousAffairs: '933 Tahun 2025',
    manpower: '1 Tahun 2025',
    administrativeReform: '3 Tahun 2025',
  },
  signedOn: '2025-08-07',
  amends: SKB_2025.id,
};

const SKB_2026: HolidayDecree = {
  id: 'SKB 1497/2025, 2/2025, 5/2025',
  title: `${SKB_TITLE} tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026`,
  numbers: {
    religiousAffairs: '1497 Tahun 2025',
    manpower: '2 Tahun 2025',
    administrativeReform: '5 Tahun 2025',
  },
  signedOn: '2025-09-19',
};

function holiday(source: HolidayDecree, date: string, name: string): NationalHoliday {
  return { date, name, kind: 'national_holiday', source: source.id };
}

function cutiBersama(source: HolidayDecree, date: string, name: string): NationalHoliday {
  return { date, name: `Cuti Bersama ${name}`, kind: 'cuti_bersama', source: source.id };
}

const ENTRIES_2025: readonly NationalHoliday[] = [
  holiday(SKB_2025, '2025-01-01', 'Tahun Baru 2025 Masehi'),
  holiday(SKB_2025, '2025-01-27', 'Isra Mikraj Nabi Muhammad S.A.W.'),
  cutiBersama(SKB_2025, '2025-01-28', 'Tahun Baru Imlek 2576 Kongzili'),
  holiday(SKB_2025, '2025-01-29', 'Tahun Baru Imlek 2576 Kongzili'),
  cutiBersama(SKB_2025, '2025-03-28', 'Hari Suci Nyepi (Tahun Baru Saka 1947)'),
  holiday(SKB_2025, '2025-03-29', 'Hari Suci Nyepi (Tahun Baru Saka 1947)'),
  holiday(SKB_2025, '2025-03-31', 'Idulfitri 1446 Hijriah'),
  holiday(SKB_2025, '2025-04-01', 'Idulfitri 1446 Hijriah'),
  cutiBersama(SKB_2025, '2025-04-02', 'Idulfitri 1446 Hijriah'),
  cutiBersama(SKB_2025, '2025-04-03', 'Idulfitri 1446 Hijriah'),
  cutiBersama(SKB_2025, '2025-04-04', 'Idulfitri 1446 Hijriah'),
  cutiBersama(SKB_2025, '2025-04-07', 'Idulfitri 1446 Hijriah'),
  holiday(SKB_2025, '2025-04-18', 'Wafat Yesus Kristus'),
  holiday(SKB_2025, '2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)'),
  holiday(SKB_2025, '2025-05-01', 'Hari Buruh Internasional'),
  holiday(SKB_2025, '2025-05-12', 'Hari Raya Waisak 2569 BE'),
  cutiBersama(SKB_2025, '2025-05-13', 'Hari Raya Waisak 2569 BE'),
  holiday(SKB_2025, '2025-05-29', 'Kenaikan Yesus Kristus'),
  cutiBersama(SKB_2025, '2025-05-30', 'Kenaikan Yesus Kristus'),
  holiday(SKB_2025, '2025-06-01', 'Hari Lahir Pancasila'),
  holiday(SKB_2025, '2025-06-06', 'Iduladha 1446 Hijriah'),
  cutiBersama(SKB_2025, '2025-06-09', 'Iduladha 1446 Hijriah'),
  holiday(SKB_2025, '2025-06-27', '1 Muharam Tahun Baru Islam 1447 Hijriah'),
  holiday(SKB_2025, '2025-08-17', 'Proklamasi Kemerdekaan'),
  cutiBersama(
    SKB_2025_AMENDMENT,
    '2025-08-18',
    'Hari Ulang Tahun ke-80 Kemerdekaan Republik Indonesia',
  ),
  holiday(SKB_2025, '2025-09-05', 'Maulid Nabi Muhammad S.A.W.'),
  holiday(SKB_2025, '2025-12-25', 'Kelahiran Yesus Kristus'),
  cutiBersama(SKB_2025, '2025-12-26', 'Kelahiran Yesus Kristus'),
];

const ENTRIES_2026: readonly NationalHoliday[] = [
  holiday(SKB_2026, '2026-01-01', 'Tahun Baru 2026 Masehi'),
  holiday(SKB_2026, '2026-01-16', 'Isra Mikraj Nabi Muhammad S.A.W.'),
  cutiBersama(SKB_2026, '2026-02-16', 'Tahun Baru Imlek 2577 Kongzili'),
  holiday(SKB_2026, '2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
  cutiBersama(SKB_2026, '2026-03-18', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'),
  holiday(SKB_2026, '2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'),
  cutiBersama(SKB_2026, '2026-03-20', 'Idulfitri 1447 Hijriah'),
  holiday(SKB_2026, '2026-03-21', 'Idulfitri 1447 Hijriah'),
  holiday(SKB_2026, '2026-03-22', 'Idulfitri 1447 Hijriah'),
  cutiBersama(SKB_2026, '2026-03-23', 'Idulfitri 1447 Hijriah'),
  cutiBersama(SKB_2026, '2026-03-24', 'Idulfitri 1447 Hijriah'),
  holiday(SKB_2026, '2026-04-03', 'Wafat Yesus Kristus'),
  holiday(SKB_2026, '2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
  holiday(SKB_2026, '2026-05-01', 'Hari Buruh Internasional'),
  holiday(SKB_2026, '2026-05-14', 'Kenaikan Yesus Kristus'),
  cutiBersama(SKB_2026, '2026-05-15', 'Kenaikan Yesus Kristus'),
  holiday(SKB_2026, '2026-05-27', 'Iduladha 1447 Hijriah'),
  cutiBersama(SKB_2026, '2026-05-28', 'Iduladha 1447 Hijriah'),
  holiday(SKB_2026, '2026-05-31', 'Hari Raya Waisak 2570 BE'),
  holiday(SKB_2026, '2026-06-01', 'Hari Lahir Pancasila'),
  holiday(SKB_2026, '2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah'),
  holiday(SKB_2026, '2026-08-17', 'Proklamasi Kemerdekaan'),
  holiday(SKB_2026, '2026-08-25', 'Maulid Nabi Muhammad S.A.W.'),
  cutiBersama(SKB_2026, '2026-12-24', 'Kelahiran Yesus Kristus'),
  holiday(SKB_2026, '2026-12-25', 'Kelahiran Yesus Kristus'),
];

/** The shipped table: 2025 (with its August 2025 amendment) and 2026. */
export const NATIONAL_HOLIDAYS: HolidayTable = {
  version: 1,
  years: [
    { year: 2025, decrees: [SKB_2025, SKB_2025_AMENDMENT], entries: ENTRIES_2025 },
    { year: 2026, decrees: [SKB_2026], entries: ENTRIES_2026 },
  ],
};
