import type { EventType, NewEvent } from '@salur/contracts';
import type { AgencySeed } from '@salur/directory';
import type { ComplaintCase } from '../domain/complaint-case';
import type { FollowUpDeadline } from '../domain/follow-up-deadline';
import {
  NO_DEADLINE,
  type AgencyStore,
  type CaseStore,
  type DeadlineStore,
  type QueueRow,
  type QueueFilter,
  type RoutingTransaction,
  type RoutingTransactions,
  type RuleSetStore,
  type StoredRuleSet,
} from './ports';

/**
 * Routing's stores in memory, for unit tests of the use cases and for the benchmark. A
 * transaction that throws leaves nothing behind, as Postgres would.
 */
export class InMemoryRouting implements RoutingTransactions {
  readonly cases = new Map<string, ComplaintCase>();
  readonly ruleSets: StoredRuleSet[] = [];
  readonly published: NewEvent<unknown, EventType>[] = [];
  readonly deadlines = new Map<string, FollowUpDeadline>();
  agencies: AgencySeed[] = [];

  async run<T>(work: (tx: RoutingTransaction) => Promise<T>): Promise<T> {
    const cases = new Map(this.cases);
    const ruleSets = [...this.ruleSets];
    const published: NewEvent<unknown, EventType>[] = [];
    const agencies = { list: [...this.agencies] };
    const deadlines = new Map(this.deadlines);
    const result = await work(
      this.transaction({ cases, ruleSets, published, agencies, deadlines }),
    );
    this.deadlines.clear();
    for (const [k, v] of deadlines) this.deadlines.set(k, v);
    this.agencies = agencies.list;
    this.cases.clear();
    for (const [k, v] of cases) this.cases.set(k, v);
    this.ruleSets.splice(0, this.ruleSets.length, ...ruleSets);
    this.published.push(...published);
    return result;
  }

  /** The cases outside any transaction, as a read model sees them. */
  reader(): CaseStore {
    return this.transaction({
      cases: this.cases,
      ruleSets: this.ruleSets,
      published: [],
      agencies: { list: this.agencies },
      deadlines: this.deadlines,
    }).cases;
  }

  private transaction({
    cases,
    ruleSets,
    published,
    agencies,
    deadlines,
  }: {
    cases: Map<string, ComplaintCase>;
    ruleSets: StoredRuleSet[];
    published: NewEvent<unknown, EventType>[];
    agencies: { list: AgencySeed[] };
    deadlines: Map<string, FollowUpDeadline>;
  }): RoutingTransaction {
    const caseStore: CaseStore = {
      insertIfAbsent: (c) => {
        if (cases.has(c.complaintId)) return Promise.resolve(false);
        cases.set(c.complaintId, c);
        return Promise.resolve(true);
      },
      findForUpdate: (id) => Promise.resolve(cases.get(id) ?? null),
      find: (id) => Promise.resolve(cases.get(id) ?? null),
      update: (c) => {
        cases.set(c.complaintId, c);
        return Promise.resolve();
      },
      duplicateCandidates: (region, since, excludeId) =>
        Promise.resolve(
          [...cases.values()]
            .filter(
              (c) =>
                (c.regionCode === region || c.regionCode.startsWith(`${region}.`)) &&
                c.submittedAt >= since &&
                c.complaintId !== excludeId &&
                c.status !== 'rejected' &&
                c.status !== 'closed' &&
                c.duplicateOf === null,
            )
            .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime()),
        ),
      openCaseIdsOf: (agency) =>
        Promise.resolve(
          [...cases.values()]
            .filter(
              (c) =>
                c.agency === agency &&
                (c.status === 'awaiting_follow_up' || c.status === 'in_progress'),
            )
            .map((c) => c.complaintId)
            .sort(),
        ),
      queue: (f: QueueFilter) => {
        const rows: QueueRow[] = [...cases.values()]
          .filter((c) => c.agency !== null && f.agencies.includes(c.agency))
          .map((c) => {
            const d = deadlines.get(c.complaintId);
            return { case: c, deadline: d && d.agency === c.agency ? d : null };
          });
        const keyOf = (r: QueueRow): number =>
          f.sort === 'due'
            ? (r.deadline?.dueAt ?? NO_DEADLINE).getTime()
            : r.case.submittedAt.getTime();
        return Promise.resolve(
          rows
            .filter(
              ({ case: c, deadline }) =>
                (!f.statuses || f.statuses.includes(c.status)) &&
                (!f.slaStates || (deadline !== null && f.slaStates.includes(deadline.state))) &&
                (!f.category || c.category === f.category) &&
                (!f.submittedFrom || c.submittedAt >= f.submittedFrom) &&
                (!f.submittedTo || c.submittedAt < f.submittedTo),
            )
            .filter(
              (r) =>
                !f.after ||
                keyOf(r) > f.after.at.getTime() ||
                (keyOf(r) === f.after.at.getTime() && r.case.complaintId > f.after.complaintId),
            )
            .sort(
              (a, b) => keyOf(a) - keyOf(b) || (a.case.complaintId < b.case.complaintId ? -1 : 1),
            )
            .slice(0, f.limit),
        );
      },
    };
    const ruleSetStore: RuleSetStore = {
      current: () =>
        Promise.resolve(
          ruleSets.at(-1) ?? { version: 0, rules: [], createdBy: 'system', createdAt: new Date(0) },
        ),
      append: (set) => {
        if ((ruleSets.at(-1)?.version ?? 0) !== set.version - 1) return Promise.resolve(false);
        ruleSets.push(set);
        return Promise.resolve(true);
      },
    };
    const deadlineStore: DeadlineStore = {
      findForUpdate: (id) => Promise.resolve(deadlines.get(id) ?? null),
      save: (d) => {
        deadlines.set(d.complaintId, d);
        return Promise.resolve();
      },
    };
    const agencyStore: AgencyStore = {
      all: () => Promise.resolve([...agencies.list]),
      saveAll: (changed) => {
        const byCode = new Map(agencies.list.map((a) => [a.code, a]));
        for (const a of changed) byCode.set(a.code, a);
        agencies.list = [...byCode.values()];
        return Promise.resolve();
      },
    };
    return {
      cases: caseStore,
      ruleSets: ruleSetStore,
      agencies: agencyStore,
      deadlines: deadlineStore,
      publish: (event) => {
        published.push(event);
        return Promise.resolve();
      },
    };
  }
}
