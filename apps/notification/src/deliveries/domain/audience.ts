import { EventTypes, type EventEnvelope, type Language } from '@salur/contracts';

/**
 * Who hears about an event, and what each may see. Pure rules; the use cases apply them.
 */

interface SnapshotLike {
  readonly complaintId?: unknown;
  readonly agency?: unknown;
  readonly privacy?: unknown;
  readonly body?: unknown;
}

function snapshotOf(event: EventEnvelope): SnapshotLike | null {
  const data = event.data as { complaint?: unknown } | null;
  const complaint = data?.complaint;
  return typeof complaint === 'object' && complaint !== null ? complaint : null;
}

/**
 * The agencies whose webhooks get an event: the agency it is about (`ce_agency`), and for a
 * forward or an escalation also the agency it left, as an agency reading the stream would.
 */
export function agencyAudience(event: EventEnvelope): string[] {
  const agencies = new Set<string>();
  if (event.agency) agencies.add(event.agency);
  if (
    event.type === EventTypes.ComplaintForwarded ||
    event.type === EventTypes.ComplaintEscalated
  ) {
    const from = (event.data as { fromAgency?: unknown }).fromAgency;
    if (typeof from === 'string') agencies.add(from);
  }
  return [...agencies];
}

/**
 * The event as an agency's webhook receives it. Reporter identity never goes to an agency (it is
 * not on the agency-facing topics; anything named `reporter` is dropped all the same). A
 * confidential complaint's body, which is null on the topic, is filled in for the assigned agency
 * only, and forced to null for anyone else.
 */
export function eventForAgency(
  event: EventEnvelope,
  agency: string,
  confidentialBody: string | null,
): EventEnvelope {
  const data = { ...(event.data as Record<string, unknown>) };
  delete data.reporter;
  const snapshot = snapshotOf(event);
  if (snapshot && snapshot.privacy === 'confidential') {
    const assigned = snapshot.agency === agency;
    data.complaint = { ...snapshot, body: assigned ? (confidentialBody ?? snapshot.body) : null };
  }
  return { ...event, data };
}

/**
 * The event as kept for a reporter notice: without the reporter's identity and the body (the
 * templates need neither), so a delivery row never holds an address, a number or a name.
 */
export function eventForNotice(event: EventEnvelope): EventEnvelope {
  const data = { ...(event.data as Record<string, unknown>) };
  delete data.reporter;
  delete data.body;
  return { ...event, data };
}

/** The reporter notices, by the event that causes them (a forward or escalation is a new routing). */
export const REPORTER_NOTICES = {
  [EventTypes.ComplaintSubmitted]: 'receipt',
  [EventTypes.ComplaintRouted]: 'routed',
  [EventTypes.ComplaintForwarded]: 'routed',
  [EventTypes.ComplaintEscalated]: 'routed',
  [EventTypes.ComplaintInfoRequested]: 'info_requested',
  [EventTypes.ComplaintResponded]: 'responded',
  [EventTypes.ComplaintClosed]: 'closed',
  [EventTypes.ComplaintReopened]: 'reopened',
} as const;

export type ReporterNotice = (typeof REPORTER_NOTICES)[keyof typeof REPORTER_NOTICES];
export const REPORTER_NOTICE_LIST: readonly ReporterNotice[] = [
  ...new Set(Object.values(REPORTER_NOTICES)),
];

export function reporterNoticeFor(eventType: string): ReporterNotice | null {
  return (REPORTER_NOTICES as Record<string, ReporterNotice | undefined>)[eventType] ?? null;
}

/** How a reporter can be reached, as intake received it. */
export interface ReporterContact {
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
}

/**
 * Email when the reporter gave an address and email is configured, else SMS when they gave a
 * number and a gateway is configured, else nothing.
 */
export function reporterChannel(
  contact: ReporterContact,
  available: readonly ('email' | 'sms')[],
): 'email' | 'sms' | null {
  if (contact.email && available.includes('email')) return 'email';
  if (contact.phone && available.includes('sms')) return 'sms';
  return null;
}

export function languageOrDefault(value: unknown): Language {
  return value === 'en' ? 'en' : 'id';
}
