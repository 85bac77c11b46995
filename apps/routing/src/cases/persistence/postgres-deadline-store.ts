import type { EntityManager } from 'typeorm';
import type { DeadlineStore } from '../application/ports';
import type { FollowUpDeadline, SlaState } from '../domain/follow-up-deadline';
import { CaseDeadlineEntity } from './case-deadline.entity';

export function deadlineOf(e: CaseDeadlineEntity): FollowUpDeadline {
  return {
    complaintId: e.complaintId,
    clockId: e.clockId,
    agency: e.agency,
    startedAt: e.startedAt,
    dueAt: e.dueAt,
    state: e.state as SlaState,
  };
}

export class PostgresDeadlineStore implements DeadlineStore {
  constructor(private readonly manager: EntityManager) {}

  async findForUpdate(complaintId: string): Promise<FollowUpDeadline | null> {
    const row = await this.manager
      .createQueryBuilder(CaseDeadlineEntity, 'd')
      .setLock('pessimistic_write')
      .where('d.complaint_id = :complaintId', { complaintId })
      .getOne();
    return row ? deadlineOf(row) : null;
  }

  async save(deadline: FollowUpDeadline): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(CaseDeadlineEntity)
      .values({ ...deadline })
      .orUpdate(['clock_id', 'agency', 'started_at', 'due_at', 'state'], ['complaint_id'])
      .execute();
  }
}
