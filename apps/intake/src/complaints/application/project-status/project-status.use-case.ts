import type { ComplaintSnapshot } from '@salur/contracts';

export interface StatusUpdate {
  readonly complaintId: string;
  readonly status: string;
  readonly agency: string | null;
  readonly version: number;
  readonly updatedAt: Date;
}

export interface StatusProjectionStore {
  /** Applies the update unless a newer (higher version) one is already there. */
  applyIfNewer(update: StatusUpdate): Promise<void>;
}

/**
 * Keeps the reporter-facing status in step with routing's decisions. Events may arrive twice or
 * late (a retried one); the snapshot's version makes applying them idempotent and order-proof.
 */
export class ProjectComplaintStatus {
  async execute(store: StatusProjectionStore, complaint: ComplaintSnapshot): Promise<void> {
    await store.applyIfNewer({
      complaintId: complaint.complaintId,
      status: complaint.status,
      agency: complaint.agency,
      version: complaint.version,
      updatedAt: new Date(complaint.updatedAt),
    });
  }
}
