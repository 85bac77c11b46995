import { canRead, canReadQueue, type Officer } from '../../domain/case-access';
import type { ComplaintCase } from '../../domain/complaint-case';
import { AgencyNotFound, ComplaintNotFound } from '../../domain/errors';
import {
  NO_DEADLINE,
  type CaseStore,
  type QueueFilter,
  type QueueRow,
  type RoutingDirectory,
} from '../ports';

export interface QueuePage {
  readonly items: readonly QueueRow[];
  readonly next: { readonly at: Date; readonly complaintId: string } | null;
}

/** One case, and an agency's queue, as the caller may see them. */
export class ReadCases {
  constructor(
    private readonly cases: () => CaseStore,
    private readonly hierarchy: RoutingDirectory,
  ) {}

  async one(officer: Officer, complaintId: string): Promise<ComplaintCase> {
    const c = await this.cases().find(complaintId);
    if (!c || !canRead(officer, c, this.hierarchy)) throw new ComplaintNotFound(complaintId);
    return c;
  }

  /**
   * The cases an agency holds now. National roles may read any queue; an agency role its own, a
   * supervisor also those of the agencies below it; any other queue does not exist for it.
   */
  async queue(
    officer: Officer,
    agency: string,
    filter: Omit<QueueFilter, 'agencies'>,
  ): Promise<QueuePage> {
    if (!this.hierarchy.has(agency) || !canReadQueue(officer, agency, this.hierarchy)) {
      throw new AgencyNotFound(agency);
    }
    const rows = await this.cases().queue({
      ...filter,
      agencies: [agency],
      limit: filter.limit + 1,
    });
    const items = rows.slice(0, filter.limit);
    const last = items.at(-1);
    return {
      items,
      next:
        rows.length > filter.limit && last
          ? {
              at:
                filter.sort === 'due'
                  ? (last.deadline?.dueAt ?? NO_DEADLINE)
                  : last.case.submittedAt,
              complaintId: last.case.complaintId,
            }
          : null,
    };
  }
}
