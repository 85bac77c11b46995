import { AgencyDirectory } from '@salur/directory';
import type { AgencyRef } from '../domain/complaint-case';
import type { RoutingDirectory } from './ports';

/**
 * The agency directory routing decides with: the stored agencies, swapped whole when they change
 * (an admin's edit here, or the periodic reload picking up another replica's). Lookups are
 * synchronous and never see a half-applied change.
 */
export class LiveAgencyDirectory implements RoutingDirectory {
  private directory: AgencyDirectory;

  constructor(initial: AgencyDirectory = AgencyDirectory.standard()) {
    this.directory = initial;
  }

  current(): AgencyDirectory {
    return this.directory;
  }

  replace(directory: AgencyDirectory): void {
    this.directory = directory;
  }

  has(code: string): boolean {
    return this.directory.has(code);
  }

  find(code: string): AgencyRef | undefined {
    const agency = this.directory.get(code);
    return agency?.active ? { code: agency.code, level: agency.level } : undefined;
  }

  ministryForCategory(category: string): string | undefined {
    try {
      return this.directory.ministryForCategory(category).code;
    } catch {
      return undefined;
    }
  }

  isDescendantOf(code: string, ancestorCode: string): boolean {
    return (
      this.directory.has(code) &&
      this.directory.has(ancestorCode) &&
      this.directory.isDescendantOf(code, ancestorCode)
    );
  }

  escalationTargetOf(code: string): AgencyRef | null {
    if (!this.directory.has(code)) return null;
    const target = this.directory.escalationTargetOf(code);
    return target ? { code: target.code, level: target.level } : null;
  }
}
