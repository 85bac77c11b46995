import type { ComplaintSnapshot } from '@salur/contracts';
import type { SlaClockState } from '../../domain/sla-due';
import { clockStateAfter } from '../../domain/sla-due';
import { timelineEntryOfComplaintEvent, type TimelineEntry } from '../../domain/timeline';

export interface StatusUpdate {
  readonly complaintId: string;
  readonly status: string;
  readonly agency: string | null;
  readonly category: string | null;
  readonly version: number;
  readonly updatedAt: Date;
  readonly respondedAt: Date | null;
  readonly closedAt: Date | null;
}

export interface SlaClockUpdate {
  readonly clockId: string;
  readonly complaintId: string;
  readonly stage: string;
  readonly agency: string | null;
  readonly dueAt: Date;
  /** Null: the event changes the deadline (or nothing) but not the state. */
  readonly state: SlaClockState | null;
  /** The event's time; an older event never overwrites a newer one. */
  readonly eventTime: Date;
}

export interface StatusProjectionStore {
  /** Applies the update unless a newer (higher version) one is already there. */
  applyIfNewer(update: StatusUpdate): Promise<void>;
  /** Adds the entry once (a second one with the same id is ignored). */
  addTimelineEntry(entry: TimelineEntry): Promise<void>;
  upsertSlaClock(update: SlaClockUpdate): Promise<void>;
}

/**
 * Keeps the reporter-facing status in step with routing's decisions and the SLA service's
 * deadlines. Events may arrive twice or late (a retried one): the inbox drops exact redeliveries,
 * timeline entries are keyed by event id, the snapshot's version and the SLA event's time make
 * applying them order-proof.
 */
export class ProjectComplaintStatus {
  async execute(
    store: StatusProjectionStore,
    event: {
      readonly id: string;
      readonly type: string;
      readonly data: { readonly complaint: ComplaintSnapshot } & Readonly<Record<string, unknown>>;
    },
  ): Promise<void> {
    const complaint = event.data.complaint;
    await store.applyIfNewer({
      complaintId: complaint.complaintId,
      status: complaint.status,
      agency: complaint.agency,
      category: complaint.category,
      version: complaint.version,
      updatedAt: new Date(complaint.updatedAt),
      respondedAt: complaint.respondedAt !== null ? new Date(complaint.respondedAt) : null,
      closedAt: complaint.closedAt !== null ? new Date(complaint.closedAt) : null,
    });
    await store.addTimelineEntry(timelineEntryOfComplaintEvent(event));
  }

  async executeSla(
    store: StatusProjectionStore,
    event: {
      readonly type: string;
      readonly time: string;
      readonly data: {
        readonly clockId: string;
        readonly complaintId: string;
        readonly stage: string;
        readonly agency: string | null;
        readonly dueAt: string;
      };
    },
  ): Promise<void> {
    await store.upsertSlaClock({
      clockId: event.data.clockId,
      complaintId: event.data.complaintId,
      stage: event.data.stage,
      agency: event.data.agency,
      dueAt: new Date(event.data.dueAt),
      state: clockStateAfter(event.type),
      eventTime: new Date(event.time),
    });
  }
}
