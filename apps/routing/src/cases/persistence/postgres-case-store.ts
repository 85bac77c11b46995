import type {
  AgencyLevel,
  Channel,
  ComplaintStatus,
  ComplaintType,
  Privacy,
} from '@salur/contracts';
import type { EntityManager } from 'typeorm';
import type { CaseStore } from '../application/ports';
import type { ComplaintCase } from '../domain/complaint-case';
import { ComplaintCaseEntity } from './complaint-case.entity';

function toEntity(c: ComplaintCase): ComplaintCaseEntity {
  return Object.assign(new ComplaintCaseEntity(), {
    ...c,
    previousAgencies: [...c.previousAgencies],
  });
}

function toDomain(e: ComplaintCaseEntity): ComplaintCase {
  return {
    complaintId: e.complaintId,
    trackingId: e.trackingId,
    status: e.status as ComplaintStatus,
    agency: e.agency,
    agencyLevel: e.agencyLevel as AgencyLevel | null,
    regionCode: e.regionCode,
    category: e.category,
    type: e.type as ComplaintType,
    privacy: e.privacy as Privacy,
    channel: e.channel as Channel,
    title: e.title,
    body: e.body,
    submittedAt: e.submittedAt,
    updatedAt: e.updatedAt,
    verifiedAt: e.verifiedAt,
    respondedAt: e.respondedAt,
    closedAt: e.closedAt,
    version: e.version,
    previousAgencies: e.previousAgencies,
  };
}

export class PostgresCaseStore implements CaseStore {
  constructor(private readonly manager: EntityManager) {}

  async insertIfAbsent(complaint: ComplaintCase): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .insert()
      .into(ComplaintCaseEntity)
      .values(toEntity(complaint))
      .orIgnore()
      .returning(['complaintId'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  async findForUpdate(complaintId: string): Promise<ComplaintCase | null> {
    const row = await this.manager
      .createQueryBuilder(ComplaintCaseEntity, 'c')
      .setLock('pessimistic_write')
      .where('c.complaint_id = :complaintId', { complaintId })
      .getOne();
    return row ? toDomain(row) : null;
  }

  async update(complaint: ComplaintCase): Promise<void> {
    const { complaintId, ...fields } = complaint;
    await this.manager.update(
      ComplaintCaseEntity,
      { complaintId },
      { ...fields, previousAgencies: [...fields.previousAgencies] },
    );
  }
}
