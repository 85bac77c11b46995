import type { EventType, NewEvent } from '@salur/contracts';
import type { ComplaintCase } from '../domain/complaint-case';

export interface CaseStore {
  /** Stores a new case; false when a case with that id exists already. */
  insertIfAbsent(complaint: ComplaintCase): Promise<boolean>;
  /** Reads a case and locks it until the transaction ends, so transitions serialise per complaint. */
  findForUpdate(complaintId: string): Promise<ComplaintCase | null>;
  update(complaint: ComplaintCase): Promise<void>;
}

/** One transaction: case changes and the events describing them commit together. */
export interface RoutingTransaction {
  readonly cases: CaseStore;
  publish(event: NewEvent<unknown, EventType>): Promise<void>;
}

export interface Clock {
  now(): Date;
}
