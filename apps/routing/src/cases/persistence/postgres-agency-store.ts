import type { AgencySeed } from '@salur/directory';
import type { EntityManager } from 'typeorm';
import type { AgencyStore } from '../application/ports';
import { AgencyEntity } from './agency.entity';

function toSeed(e: AgencyEntity): AgencySeed {
  return {
    code: e.code,
    name: e.name,
    shortName: e.shortName,
    level: e.level as AgencySeed['level'],
    parentCode: e.parentCode,
    regionCode: e.regionCode,
    timeZone: e.timeZone as AgencySeed['timeZone'],
    hasPpid: e.hasPpid,
    active: e.active,
  };
}

export class PostgresAgencyStore implements AgencyStore {
  constructor(private readonly manager: EntityManager) {}

  async all(options: { forUpdate?: boolean } = {}): Promise<AgencySeed[]> {
    const q = this.manager.createQueryBuilder(AgencyEntity, 'a').orderBy('a.position', 'ASC');
    // Admin changes serialise on the whole directory: they are rare, and each is checked
    // against all of it.
    if (options.forUpdate) q.setLock('pessimistic_write');
    return (await q.getMany()).map(toSeed);
  }

  /** One statement for all rows: the seed is ~600 agencies. */
  async saveAll(agencies: readonly AgencySeed[]): Promise<void> {
    if (agencies.length === 0) return;
    const rows = agencies.map((a, position) => ({ ...a, position }));
    for (let i = 0; i < rows.length; i += 1000) {
      await this.manager
        .createQueryBuilder()
        .insert()
        .into(AgencyEntity)
        .values(rows.slice(i, i + 1000))
        .orUpdate(
          [
            'name',
            'short_name',
            'level',
            'parent_code',
            'region_code',
            'time_zone',
            'has_ppid',
            'active',
            'position',
          ],
          ['code'],
        )
        .execute();
    }
  }
}
