/**
 * Errors the directory throws where a caller passed a code that must exist. They carry a stable
 * `code` like the services' domain errors, but this library stays free of the platform library (and
 * so of Nest): a service that looks up user input uses the non-throwing lookups (`get`, `isKnown`,
 * `check`) and raises its own domain error, which it maps to HTTP.
 */
export abstract class DirectoryError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnknownRegionError extends DirectoryError {
  readonly code = 'UnknownRegion';

  constructor(
    readonly regionCode: string,
    detail: string,
  ) {
    super(detail);
  }
}

export class UnknownAgencyError extends DirectoryError {
  readonly code = 'UnknownAgency';

  constructor(readonly agencyCode: string) {
    super(`agency ${agencyCode} is not in the directory`);
  }
}

export class UnknownCategoryError extends DirectoryError {
  readonly code = 'UnknownCategory';

  constructor(readonly categoryCode: string) {
    super(`category ${categoryCode} is not in the catalogue`);
  }
}

/** Region tables, agency records or the category catalogue contradict themselves; each problem is listed. */
export class InvalidDirectoryError extends DirectoryError {
  readonly code = 'InvalidDirectory';

  constructor(readonly problems: readonly string[]) {
    super(`the directory data is inconsistent: ${problems.join('; ')}`);
  }
}
