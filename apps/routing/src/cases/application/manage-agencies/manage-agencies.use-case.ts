import { EventTypes, type ActorRef } from '@salur/contracts';
import type { AgencySeed } from '@salur/directory';
import {
  AgencyChangeRefused,
  directoryAfter,
  editAgency,
  mergeSeeds,
  type AgencyEdit,
} from '../../domain/agency-changes';
import { forwardCase } from '../../domain/complaint-case';
import { dispose } from '../../domain/disposition';
import { AgencyNotFound } from '../../domain/errors';
import { caseEvent } from '../case-events';
import { LiveAgencyDirectory } from '../live-agency-directory';
import type { Clock, RoutingTransaction, RoutingTransactions, RuleIndexCache } from '../ports';

export interface AgencyChangeResult {
  readonly agency: AgencySeed;
  /** Open complaints moved away from a deactivated agency. */
  readonly rerouted: readonly { complaintId: string; toAgency: string }[];
}

/**
 * The agency directory: seeded from the decree data by an idempotent command, edited by admins.
 * Every change is checked against the whole directory (parents, levels, cycles, ministries) and
 * swapped into the live directory only after it commits. Deactivating an agency moves its open
 * complaints to where routing would place them now, so none is stranded.
 */
export class ManageAgencies {
  constructor(
    private readonly transactions: RoutingTransactions,
    private readonly live: LiveAgencyDirectory,
    private readonly rules: RuleIndexCache,
    private readonly clock: Clock,
  ) {}

  /** Loads the stored directory into the live one; false when nothing is stored yet. */
  async reload(): Promise<boolean> {
    const stored = await this.transactions.run((tx) => tx.agencies.all());
    if (stored.length === 0) return false;
    this.live.replace(directoryAfter(stored));
    return true;
  }

  /**
   * Merges the seeds into the stored directory: adds new agencies, updates changed decree data,
   * keeps admins' deactivations. Running it twice changes nothing the second time.
   */
  async seed(seeds: readonly AgencySeed[]): Promise<{ added: number; updated: number }> {
    const result = await this.transactions.run(async (tx) => {
      const stored = await tx.agencies.all({ forUpdate: true });
      const merged = mergeSeeds(stored, seeds);
      const directory = directoryAfter(merged.agencies);
      if (merged.added + merged.updated > 0) await tx.agencies.saveAll(directory.all());
      return { ...merged, directory };
    });
    this.live.replace(result.directory);
    return { added: result.added, updated: result.updated };
  }

  async create(agency: AgencySeed): Promise<AgencySeed> {
    const directory = await this.transactions.run(async (tx) => {
      const stored = await tx.agencies.all({ forUpdate: true });
      if (stored.some((a) => a.code === agency.code)) {
        throw new AgencyChangeRefused([`${agency.code} exists already`]);
      }
      const next = directoryAfter([...stored, agency]);
      await tx.agencies.saveAll([agency]);
      return next;
    });
    this.live.replace(directory);
    return agency;
  }

  async update(code: string, edit: AgencyEdit, by: ActorRef): Promise<AgencyChangeResult> {
    const result = await this.transactions.run(async (tx) => {
      const stored = await tx.agencies.all({ forUpdate: true });
      const current = stored.find((a) => a.code === code);
      if (!current) throw new AgencyNotFound(code);
      const changed = editAgency(current, edit);
      const directory = directoryAfter(stored.map((a) => (a.code === code ? changed : a)));
      await tx.agencies.saveAll([changed]);
      const rerouted =
        current.active && !changed.active
          ? await this.rerouteOpenCases(tx, code, new LiveAgencyDirectory(directory), by)
          : [];
      return { agency: changed, rerouted, directory };
    });
    this.live.replace(result.directory);
    return { agency: result.agency, rerouted: result.rerouted };
  }

  private async rerouteOpenCases(
    tx: RoutingTransaction,
    code: string,
    directory: LiveAgencyDirectory,
    by: ActorRef,
  ): Promise<{ complaintId: string; toAgency: string }[]> {
    const rules = this.rules.indexFor(await tx.ruleSets.current());
    const at = this.clock.now();
    const moved: { complaintId: string; toAgency: string }[] = [];
    for (const id of await tx.cases.openCaseIdsOf(code)) {
      const current = await tx.cases.findForUpdate(id);
      if (current?.agency !== code) continue;
      const target = dispose(current, rules, directory).agency;
      // As a verifier would: the case may go back to an agency that forwarded it.
      const next = forwardCase(current, target, at, { byVerifier: true });
      await tx.cases.update(next);
      await tx.publish(
        caseEvent(EventTypes.ComplaintForwarded, next, {
          fromAgency: code,
          toAgency: target.code,
          reason: `${code} was deactivated in the agency directory`,
          by,
        }),
      );
      moved.push({ complaintId: id, toAgency: target.code });
    }
    return moved;
  }
}
