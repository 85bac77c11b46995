import type { LocalDate } from '../local-date';

/** `national_holiday`: libur nasional. `cuti_bersama`: collective leave set with it. */
export type NationalHolidayKind = 'national_holiday' | 'cuti_bersama';

export type HolidayKind = NationalHolidayKind | 'regional_holiday';

export const NATIONAL_HOLIDAY_KINDS: readonly NationalHolidayKind[] = [
  'national_holiday',
  'cuti_bersama',
];

/**
 * A joint decree (Surat Keputusan Bersama, SKB) of the Minister of Religious Affairs, the Minister
 * of Manpower and the Minister of Administrative and Bureaucratic Reform (PANRB) that sets one
 * year's national holidays and cuti bersama, or amends such a decree. Each minister numbers it in
 * their own series, hence three numbers.
 */
export interface HolidayDecree {
  /** Short citation, used as the `source` of the entries it sets: `SKB 1017/2024, 2/2024, 2/2024`. */
  readonly id: string;
  readonly title: string;
  readonly numbers: {
    readonly religiousAffairs: string;
    readonly manpower: string;
    readonly administrativeReform: string;
  };
  readonly signedOn: LocalDate;
  /** The `id` of the decree this one amends, for an amendment (perubahan). */
  readonly amends?: string;
}

/** One national holiday or cuti bersama day. */
export interface NationalHoliday {
  readonly date: LocalDate;
  /** As the decree names it, in Indonesian. */
  readonly name: string;
  readonly kind: NationalHolidayKind;
  /** `id` of the decree that sets this day, or {@link COMPUTED_SOURCE}. */
  readonly source: string;
  /** Present (true) only on days computed for a year without a decree. */
  readonly provisional?: true;
}

/** The `source` of computed entries. */
export const COMPUTED_SOURCE = 'computed';

export interface HolidayTableYear {
  readonly year: number;
  /** The year's decree first, then any amendments in the order they were signed. */
  readonly decrees: readonly HolidayDecree[];
  readonly entries: readonly NationalHoliday[];
}

/** National holidays and cuti bersama per year, each year with its decrees. */
export interface HolidayTable {
  /** Raised by one with every change to the shipped entries, so a store can tell it is behind. */
  readonly version: number;
  readonly years: readonly HolidayTableYear[];
}

/** Where a year's entries come from. */
export type HolidaySource =
  | {
      readonly kind: 'decree';
      readonly decrees: readonly HolidayDecree[];
      readonly tableVersion: number;
    }
  | {
      readonly kind: 'computed';
      /** What was computed and what is missing, for logs and the admin API. */
      readonly description: string;
      readonly tableVersion: number;
    };

/** The answer of `holidaysFor(year)`. */
export interface HolidaysOfYear {
  readonly year: number;
  /** Sorted by date. */
  readonly entries: readonly NationalHoliday[];
  /**
   * True when the table has no decree for the year and the entries were computed: fixed-date and
   * Easter-based holidays only, no Islamic, Chinese, Hindu or Buddhist holidays and no cuti
   * bersama. Deadlines computed with them may be too early; callers should warn and count it.
   */
  readonly provisional: boolean;
  readonly source: HolidaySource;
}
