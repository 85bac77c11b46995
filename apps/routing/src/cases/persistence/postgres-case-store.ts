import type {
  AgencyLevel,
  Channel,
  ClosedBy,
  ComplaintStatus,
  ComplaintType,
  Privacy,
} from '@salur/contracts';
import type { EntityManager } from 'typeorm';
import { NO_DEADLINE, type CaseStore, type QueueFilter, type QueueRow } from '../application/ports';
import type { ComplaintCase, Postponement, PostponeReason } from '../domain/complaint-case';
import type { DuplicateCandidate } from '../domain/duplicate-detection';
import type { FollowUpDeadline } from '../domain/follow-up-deadline';
import { CaseDeadlineEntity } from './case-deadline.entity';
import { deadlineOf } from './postgres-deadline-store';

/** The most recent complaints a new one is compared with. */
const DUPLICATE_CANDIDATES = 200;
import { ComplaintCaseEntity } from './complaint-case.entity';

function toEntity({ postponement, ...c }: ComplaintCase): ComplaintCaseEntity {
  return Object.assign(new ComplaintCaseEntity(), {
    ...c,
    previousAgencies: [...c.previousAgencies],
    forwardedBy: [...c.forwardedBy],
    reporter: c.reporter ? { ...c.reporter } : null,
    postponedUntil: postponement?.until ?? null,
    postponeReason: postponement?.reason ?? null,
    postponeNote: postponement?.note ?? null,
    postponedBy: postponement?.by ?? null,
    postponedAt: postponement?.at ?? null,
  });
}

function postponementOf(e: ComplaintCaseEntity): Postponement | null {
  if (e.postponedUntil === null || e.postponeReason === null) return null;
  return {
    until: e.postponedUntil,
    reason: e.postponeReason as PostponeReason,
    note: e.postponeNote,
    by: e.postponedBy ?? '',
    at: e.postponedAt ?? e.postponedUntil,
  };
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
    forwardedBy: e.forwardedBy,
    awaitingReporter: e.awaitingReporter,
    extensionGranted: e.extensionGranted,
    closedBy: e.closedBy as ClosedBy | null,
    rating: e.rating,
    reporter: e.reporter,
    reporterKey: e.reporterKey,
    duplicateOf: e.duplicateOf,
    targetAgency: e.targetAgency,
    postponement: postponementOf(e),
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

  async find(complaintId: string): Promise<ComplaintCase | null> {
    const row = await this.manager.findOneBy(ComplaintCaseEntity, { complaintId });
    return row ? toDomain(row) : null;
  }

  async update(complaint: ComplaintCase): Promise<void> {
    const { complaintId, ...fields } = toEntity(complaint);
    await this.manager.update(ComplaintCaseEntity, { complaintId }, fields);
  }

  async duplicateCandidates(
    regionCode: string,
    since: Date,
    excludeId: string,
  ): Promise<DuplicateCandidate[]> {
    const rows = await this.manager
      .createQueryBuilder(ComplaintCaseEntity, 'c')
      .select(['c.complaintId', 'c.trackingId', 'c.reporterKey', 'c.title', 'c.body'])
      .where('(c.region_code = :region OR c.region_code LIKE :below)', {
        region: regionCode,
        below: `${regionCode}.%`,
      })
      .andWhere('c.submitted_at >= :since', { since })
      .andWhere('c.complaint_id <> :excludeId', { excludeId })
      .andWhere("c.status NOT IN ('rejected', 'closed')")
      .andWhere('c.duplicate_of IS NULL')
      .orderBy('c.submitted_at', 'DESC')
      .limit(DUPLICATE_CANDIDATES)
      .getMany();
    return rows.map((r) => ({
      complaintId: r.complaintId,
      trackingId: r.trackingId,
      reporterKey: r.reporterKey,
      title: r.title,
      body: r.body,
    }));
  }

  async openCaseIdsOf(agency: string): Promise<string[]> {
    const rows = await this.manager.find(ComplaintCaseEntity, {
      select: { complaintId: true },
      where: [
        { agency, status: 'awaiting_follow_up' },
        { agency, status: 'in_progress' },
      ],
      order: { complaintId: 'ASC' },
    });
    return rows.map((r) => r.complaintId);
  }

  async queue(filter: QueueFilter): Promise<QueueRow[]> {
    const sortKey = filter.sort === 'due' ? 'COALESCE(d.due_at, :noDeadline)' : 'c.submitted_at';
    const q = this.manager
      .createQueryBuilder(ComplaintCaseEntity, 'c')
      .leftJoin(CaseDeadlineEntity, 'd', 'd.complaint_id = c.complaint_id AND d.agency = c.agency')
      .addSelect(['d.complaintId', 'd.clockId', 'd.agency', 'd.startedAt', 'd.dueAt', 'd.state'])
      .addSelect(sortKey, 'sort_at')
      .setParameter('noDeadline', NO_DEADLINE)
      .where('c.agency IN (:...agencies)', { agencies: filter.agencies });
    if (filter.statuses?.length) {
      q.andWhere('c.status IN (:...statuses)', { statuses: filter.statuses });
    }
    if (filter.slaStates?.length) {
      q.andWhere('d.state IN (:...slaStates)', { slaStates: filter.slaStates });
    }
    if (filter.category) q.andWhere('c.category = :category', { category: filter.category });
    if (filter.submittedFrom) q.andWhere('c.submitted_at >= :from', { from: filter.submittedFrom });
    if (filter.submittedTo) q.andWhere('c.submitted_at < :to', { to: filter.submittedTo });
    if (filter.after) {
      q.andWhere(`(${sortKey}, c.complaint_id) > (:afterAt, :afterId)`, {
        afterAt: filter.after.at,
        afterId: filter.after.complaintId,
      });
    }
    const { entities, raw } = await q
      .orderBy('sort_at', 'ASC')
      .addOrderBy('c.complaint_id', 'ASC')
      .limit(filter.limit)
      .getRawAndEntities<Record<string, unknown>>();
    const deadlines = new Map<string, FollowUpDeadline>();
    for (const row of raw) {
      if (typeof row.d_complaint_id !== 'string') continue;
      deadlines.set(
        row.d_complaint_id,
        deadlineOf(
          Object.assign(new CaseDeadlineEntity(), {
            complaintId: row.d_complaint_id,
            clockId: row.d_clock_id,
            agency: row.d_agency,
            startedAt: row.d_started_at,
            dueAt: row.d_due_at,
            state: row.d_state,
          }),
        ),
      );
    }
    return entities.map((e) => ({
      case: toDomain(e),
      deadline: deadlines.get(e.complaintId) ?? null,
    }));
  }
}
