/** Every `ce_type` of the public contract (DESIGN.md, "Events"). */
export const EventTypes = {
  // salur.intake.v1 (internal): what the reporter did
  ComplaintSubmitted: 'salur.complaint.submitted.v1',
  ReporterReplied: 'salur.complaint.reporter-replied.v1',
  ReporterConfirmed: 'salur.complaint.reporter-confirmed.v1',
  ReporterReopened: 'salur.complaint.reporter-reopened.v1',
  // salur.complaints.v1: what routing decided
  ComplaintVerified: 'salur.complaint.verified.v1',
  ComplaintRejected: 'salur.complaint.rejected.v1',
  ComplaintRouted: 'salur.complaint.routed.v1',
  ComplaintAcknowledged: 'salur.complaint.acknowledged.v1',
  ComplaintInfoRequested: 'salur.complaint.info-requested.v1',
  ComplaintResponded: 'salur.complaint.responded.v1',
  ComplaintForwarded: 'salur.complaint.forwarded.v1',
  ComplaintEscalated: 'salur.complaint.escalated.v1',
  ComplaintClosed: 'salur.complaint.closed.v1',
  ComplaintReopened: 'salur.complaint.reopened.v1',
  // salur.sla.v1: deadlines
  SlaStarted: 'salur.sla.started.v1',
  SlaPaused: 'salur.sla.paused.v1',
  SlaResumed: 'salur.sla.resumed.v1',
  SlaWarning: 'salur.sla.warning.v1',
  SlaBreached: 'salur.sla.breached.v1',
  SlaMet: 'salur.sla.met.v1',
  SlaEscalationRequested: 'salur.sla.escalation-requested.v1',
  SlaAutoCloseDue: 'salur.sla.auto-close-due.v1',
  // salur.notifications.v1: delivery outcomes
  NotificationDelivered: 'salur.notification.delivered.v1',
  NotificationFailed: 'salur.notification.failed.v1',
  // salur.complaints.v1, added after the first release (appended, so earlier sample ids stay)
  ComplaintInfoReceived: 'salur.complaint.info-received.v1',
  ComplaintExtensionGranted: 'salur.complaint.extension-granted.v1',
} as const;

export type EventType = (typeof EventTypes)[keyof typeof EventTypes];

/** All event types, in catalogue order. */
export const EVENT_TYPE_LIST: readonly EventType[] = Object.values(EventTypes);

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPE_LIST as readonly string[]).includes(value);
}
