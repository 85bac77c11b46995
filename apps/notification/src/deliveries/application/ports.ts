import type { Language } from '@salur/contracts';
import type { ReporterContact } from '../domain/audience';
import type { Delivery } from '../domain/delivery';
import type { Subscription } from '../domain/subscription';

export interface DeliveryStore {
  /** Records deliveries; those already recorded for the same event, recipient and target are kept. */
  recordAll(deliveries: readonly Delivery[]): Promise<number>;
  /** Dedup keys of the pages already triggered with one of these keys. */
  pagedKeys(dedupKeys: readonly string[]): Promise<string[]>;
}

export interface DeliveryReader {
  forComplaint(complaintId: string): Promise<Delivery[]>;
}

export interface SubscriptionReader {
  forAgency(agency: string): Promise<Subscription[]>;
  get(subscriptionId: string): Promise<Subscription | null>;
}

export interface SubscriptionStore extends SubscriptionReader {
  list(agency: string | null): Promise<Subscription[]>;
  save(subscription: Subscription): Promise<void>;
  delete(subscriptionId: string): Promise<boolean>;
}

/** What notification keeps of a submission, sealed at rest. */
export interface ReporterRecord {
  readonly language: Language;
  readonly contact: ReporterContact | null;
  readonly body: string | null;
}

export interface ReporterRecords {
  remember(complaintId: string, record: ReporterRecord, at: Date): Promise<void>;
  find(complaintId: string): Promise<ReporterRecord | null>;
}

export interface Clock {
  now(): Date;
}
