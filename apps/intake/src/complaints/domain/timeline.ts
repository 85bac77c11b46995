import type { ComplaintSnapshot } from '@salur/contracts';

/** One line of the reporter's timeline: something routing decided or the reporter did. */
export interface TimelineEntry {
  /** The event's `ce_id` for routing's events (so a redelivery adds nothing); fresh otherwise. */
  readonly entryId: string;
  readonly complaintId: string;
  /** `submitted`, `routed`, `responded`, …, `reporter-replied`: the event type's own word. */
  readonly kind: string;
  readonly at: Date;
  /** Status after this entry, when it changed the status. */
  readonly status: string | null;
  readonly agency: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** What of each event's data the reporter is shown besides the snapshot. */
const DETAIL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  verified: ['category', 'type', 'privacy'],
  rejected: ['reason', 'note'],
  routed: ['agency', 'reason'],
  acknowledged: [],
  'info-requested': ['question'],
  responded: ['response', 'attachments'],
  forwarded: ['fromAgency', 'toAgency', 'reason'],
  escalated: ['fromAgency', 'toAgency', 'trigger', 'reason'],
  closed: ['closedBy', 'rating', 'comment'],
  reopened: ['reason'],
};

/** `salur.complaint.info-requested.v1` → `info-requested`. */
export function kindOfEventType(type: string): string {
  return type.replace(/^salur\.complaint\./, '').replace(/\.v\d+$/, '');
}

/** The timeline entry of one of routing's events on `salur.complaints.v1`. */
export function timelineEntryOfComplaintEvent(event: {
  readonly id: string;
  readonly type: string;
  readonly data: { readonly complaint: ComplaintSnapshot } & Readonly<Record<string, unknown>>;
}): TimelineEntry {
  const kind = kindOfEventType(event.type);
  const { complaint } = event.data;
  const detail: Record<string, unknown> = {};
  for (const field of DETAIL_FIELDS[kind] ?? []) {
    if (event.data[field] !== undefined) detail[field] = event.data[field];
  }
  return {
    entryId: event.id,
    complaintId: complaint.complaintId,
    kind,
    at: new Date(complaint.updatedAt),
    status: complaint.status,
    agency: complaint.agency,
    detail,
  };
}
