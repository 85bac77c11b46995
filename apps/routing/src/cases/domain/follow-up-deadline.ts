/** Where the holding agency's follow-up deadline stands, as the SLA service reports it. */
export const SLA_STATES = ['running', 'at_risk', 'paused', 'breached', 'met'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** The current follow-up clock of a complaint: routing's copy, for the agency queue. */
export interface FollowUpDeadline {
  readonly complaintId: string;
  readonly clockId: string;
  readonly agency: string | null;
  readonly startedAt: Date;
  readonly dueAt: Date;
  readonly state: SlaState;
}

export type SlaClockEventKind = 'started' | 'paused' | 'resumed' | 'warning' | 'breached' | 'met';

export interface SlaClockEvent {
  readonly kind: SlaClockEventKind;
  readonly complaintId: string;
  readonly clockId: string;
  readonly agency: string | null;
  readonly startedAt: Date;
  readonly dueAt: Date;
}

function stateAfter(current: SlaState | null, kind: SlaClockEventKind): SlaState {
  if (current === 'met') return 'met';
  switch (kind) {
    case 'started':
    case 'resumed':
      return current === 'breached' ? 'breached' : 'running';
    case 'paused':
      return current === 'breached' ? 'breached' : 'paused';
    case 'warning':
      return current === 'breached' || current === 'paused' ? current : 'at_risk';
    case 'breached':
      return 'breached';
    case 'met':
      return 'met';
  }
}

/**
 * The deadline after an SLA event about a follow-up clock: a newer clock (a new agency) replaces
 * the old one; an event of an older clock changes nothing (null); a met clock stays met.
 */
export function applySlaEvent(
  current: FollowUpDeadline | null,
  e: SlaClockEvent,
): FollowUpDeadline | null {
  if (current && current.clockId !== e.clockId) {
    if (e.startedAt.getTime() <= current.startedAt.getTime()) return null;
    current = null;
  }
  const next: FollowUpDeadline = {
    complaintId: e.complaintId,
    clockId: e.clockId,
    agency: e.agency,
    startedAt: e.startedAt,
    dueAt: e.dueAt,
    state: stateAfter(current?.state ?? null, e.kind),
  };
  return current && current.state === next.state && current.dueAt.getTime() === next.dueAt.getTime()
    ? null
    : next;
}
