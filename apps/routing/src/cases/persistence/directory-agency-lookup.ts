import type { AgencyDirectory } from '@salur/directory';
import type { AgencyRef } from '../domain/complaint-case';
import type { AgencyLookup } from '../domain/default-disposition';

/** The shipped agency directory as routing's lookup; inactive agencies are not found. */
export class DirectoryAgencyLookup implements AgencyLookup {
  constructor(private readonly directory: AgencyDirectory) {}

  find(code: string): AgencyRef | undefined {
    const agency = this.directory.get(code);
    return agency?.active ? { code: agency.code, level: agency.level } : undefined;
  }
}
