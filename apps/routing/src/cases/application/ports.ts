import type { EventType, NewEvent } from '@salur/contracts';
import type { AgencySeed } from '@salur/directory';
import type { AgencyHierarchy } from '../domain/case-access';
import type { AgencyRef, ComplaintCase } from '../domain/complaint-case';
import type { DispositionDirectory } from '../domain/disposition';
import type { DispositionRule, RuleIndex } from '../domain/disposition-rules';
import type { DuplicateCandidate } from '../domain/duplicate-detection';
import type { FollowUpDeadline, SlaState } from '../domain/follow-up-deadline';

export interface QueueFilter {
  readonly agencies: readonly string[];
  readonly statuses?: readonly string[];
  readonly slaStates?: readonly SlaState[];
  /** `due`: earliest follow-up deadline first, those without one last; `submitted`: oldest first. */
  readonly sort: 'due' | 'submitted';
  readonly category?: string;
  readonly submittedFrom?: Date;
  readonly submittedTo?: Date;
  /** Where the page starts: after this sort key (due or submission time) and id. */
  readonly after?: { readonly at: Date; readonly complaintId: string };
  readonly limit: number;
}

export interface CaseStore {
  /** Stores a new case; false when a case with that id exists already. */
  insertIfAbsent(complaint: ComplaintCase): Promise<boolean>;
  /** Reads a case and locks it until the transaction ends, so transitions serialise per complaint. */
  findForUpdate(complaintId: string): Promise<ComplaintCase | null>;
  find(complaintId: string): Promise<ComplaintCase | null>;
  update(complaint: ComplaintCase): Promise<void>;
  /**
   * Complaints a new one might repeat: about this region (or any below it), submitted since,
   * neither rejected, closed nor themselves duplicates, newest first, a bounded number.
   */
  duplicateCandidates(
    regionCode: string,
    since: Date,
    excludeId: string,
  ): Promise<DuplicateCandidate[]>;
  /** Ids of the open cases (awaiting follow-up or in progress) an agency holds. */
  openCaseIdsOf(agency: string): Promise<string[]>;
  /** Cases held by any of the agencies, with their follow-up deadline there, one page. */
  queue(filter: QueueFilter): Promise<QueueRow[]>;
}

export interface QueueRow {
  readonly case: ComplaintCase;
  /** The follow-up deadline of the holding agency; null before its clock started. */
  readonly deadline: FollowUpDeadline | null;
}

/** Sorts cases without a deadline after every real one. */
export const NO_DEADLINE = new Date(8.64e15);

export interface DeadlineStore {
  findForUpdate(complaintId: string): Promise<FollowUpDeadline | null>;
  save(deadline: FollowUpDeadline): Promise<void>;
}

export interface StoredRuleSet {
  readonly version: number;
  readonly rules: readonly DispositionRule[];
  readonly createdBy: string;
  readonly createdAt: Date;
}

export interface RuleSetStore {
  /** The newest version; version 0 with no rules when none was ever saved. */
  current(): Promise<StoredRuleSet>;
  /** Saves a new version after `expectedVersion`; false when someone saved one first. */
  append(set: StoredRuleSet): Promise<boolean>;
}

export interface AgencyStore {
  /** Every stored agency, parents before children; locked until the transaction ends if asked. */
  all(options?: { forUpdate?: boolean }): Promise<AgencySeed[]>;
  /** Inserts or updates these agencies (set-based). */
  saveAll(agencies: readonly AgencySeed[]): Promise<void>;
}

/** One transaction: case changes and the events describing them commit together. */
export interface RoutingTransaction {
  readonly cases: CaseStore;
  readonly ruleSets: RuleSetStore;
  readonly agencies: AgencyStore;
  readonly deadlines: DeadlineStore;
  publish(event: NewEvent<unknown, EventType>): Promise<void>;
}

/** Runs work in one transaction. */
export interface RoutingTransactions {
  run<T>(work: (tx: RoutingTransaction) => Promise<T>): Promise<T>;
}

/** The agency directory as the lifecycle needs it. */
export interface RoutingDirectory extends DispositionDirectory, AgencyHierarchy {
  /** Whether the code names an agency of the directory, active or not. */
  has(code: string): boolean;
  /** Where an escalation from this agency goes: its nearest active ancestor, or null. */
  escalationTargetOf(code: string): AgencyRef | null;
}

/** Compiles a rule set once per version. */
export interface RuleIndexCache {
  indexFor(set: StoredRuleSet): RuleIndex;
}

export interface Clock {
  now(): Date;
}
