import type { SlaStage } from '@salur/contracts';

export type SlaClockState = 'running' | 'paused' | 'breached' | 'ended';

/** One SLA clock as the reporter's view needs it, projected from `salur.sla.v1`. */
export interface SlaClockView {
  readonly clockId: string;
  readonly stage: SlaStage;
  readonly agency: string | null;
  readonly dueAt: Date;
  readonly state: SlaClockState;
}

/** The clock state an SLA event leaves behind; warnings change nothing. */
export function clockStateAfter(eventType: string): SlaClockState | null {
  switch (eventType.replace(/^salur\.sla\./, '').replace(/\.v\d+$/, '')) {
    case 'started':
    case 'resumed':
      return 'running';
    case 'paused':
      return 'paused';
    case 'breached':
    case 'escalation-requested':
      return 'breached';
    case 'met':
    case 'auto-close-due':
      return 'ended';
    default:
      return null;
  }
}

/** The reporter's most relevant deadline first: what the current agency owes them. */
const STAGE_ORDER: readonly SlaStage[] = ['follow_up', 'verification', 'auto_close', 'resolution'];

/**
 * The due date the reporter is shown: the open clock (running, paused or breached) of the most
 * relevant stage, preferring the current agency's follow-up clock; null when no clock is open.
 */
export function reporterDueDate(
  clocks: readonly SlaClockView[],
  currentAgency: string | null,
): SlaClockView | null {
  const open = clocks.filter((c) => c.state !== 'ended');
  for (const stage of STAGE_ORDER) {
    const candidates = open
      .filter((c) => c.stage === stage)
      .filter((c) => stage !== 'follow_up' || c.agency === currentAgency);
    if (candidates.length > 0) {
      return candidates.reduce((a, b) => (a.dueAt.getTime() >= b.dueAt.getTime() ? a : b));
    }
  }
  return null;
}
