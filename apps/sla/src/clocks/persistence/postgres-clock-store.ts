import type { AgencyLevel, SlaStage } from '@salur/contracts';
import type { EntityManager } from 'typeorm';
import type { ClockReader, ClockStore } from '../application/ports';
import type { ClockStatus, SlaClock } from '../domain/sla-clock';
import { SlaClockEntity } from './sla-clock.entity';

function toDomain(e: SlaClockEntity): SlaClock {
  return {
    clockId: e.clockId,
    complaintId: e.complaintId,
    stage: e.stage as SlaStage,
    agency: e.agency === '' ? null : e.agency,
    agencyLevel: e.agencyLevel as AgencyLevel | null,
    regionCode: e.regionCode,
    policyVersion: e.policyVersion,
    startedAt: e.startedAt,
    dueAt: e.dueAt,
    status: e.status as ClockStatus,
  };
}

export class PostgresClockStore implements ClockStore, ClockReader {
  constructor(private readonly manager: EntityManager) {}

  async insertIfAbsent(clock: SlaClock): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .insert()
      .into(SlaClockEntity)
      .values({ ...clock, agency: clock.agency ?? '' })
      .orIgnore()
      .returning(['clockId'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  async forComplaint(complaintId: string): Promise<SlaClock[]> {
    const rows = await this.manager.find(SlaClockEntity, {
      where: { complaintId },
      order: { startedAt: 'ASC' },
    });
    return rows.map(toDomain);
  }
}
