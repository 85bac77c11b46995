import type { EventType, NewEvent } from '@salur/contracts';
import type { SlaClock } from '../domain/sla-clock';

export interface ClockStore {
  /** Stores a new clock; false when that complaint already has one for the stage and agency. */
  insertIfAbsent(clock: SlaClock): Promise<boolean>;
}

export interface ClockReader {
  forComplaint(complaintId: string): Promise<SlaClock[]>;
}

export interface SlaTransaction {
  readonly clocks: ClockStore;
  publish(event: NewEvent<unknown, EventType>): Promise<void>;
}
