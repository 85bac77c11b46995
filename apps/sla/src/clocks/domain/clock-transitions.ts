import type { AgencyLevel, SlaStage } from '@salur/contracts';
import { isActive, type SlaClock } from './sla-clock';

/** The `salur.complaints.v1` events that move clocks, by their short name. */
export type ComplaintTransition =
  | 'verified'
  | 'rejected'
  | 'routed'
  | 'acknowledged'
  | 'info_requested'
  | 'responded'
  | 'forwarded'
  | 'escalated'
  | 'closed'
  | 'reopened';

/** What the clocks of one complaint must do after one of its events. */
export type ClockAction =
  | {
      readonly kind: 'start';
      readonly stage: SlaStage;
      readonly agency: string | null;
      readonly agencyLevel: AgencyLevel | null;
      readonly startedAt: Date;
    }
  | { readonly kind: 'pause'; readonly clockId: string }
  | { readonly kind: 'resume'; readonly clockId: string }
  | { readonly kind: 'end'; readonly clockId: string; readonly outcome: 'met' | 'stopped' };

export interface TransitionInput {
  readonly transition: ComplaintTransition;
  /** When the transition happened (the snapshot's `updatedAt`). */
  readonly at: Date;
  /** The complaint's agency after the transition. */
  readonly agency: string | null;
  readonly agencyLevel: AgencyLevel | null;
  /** Every clock the complaint has had, ended ones included. */
  readonly clocks: readonly SlaClock[];
}

/**
 * The clock actions for one complaint event, in order. Pure: the state machine of DESIGN.md
 * ("SLA"). Routed, forwarded and escalated start a new follow-up clock for the agency and end the
 * previous one; info-requested pauses follow-up; any other event resumes it first; responded meets
 * follow-up and starts auto-close; closed ends everything; reopened restarts follow-up.
 */
export function planClockActions(input: TransitionInput): ClockAction[] {
  const actions: ClockAction[] = [];
  const active = input.clocks.filter(isActive);
  const activeOf = (stage: SlaStage) => active.filter((c) => c.stage === stage);
  const end = (stage: SlaStage, outcome: 'met' | 'stopped') => {
    for (const clock of activeOf(stage))
      actions.push({ kind: 'end', clockId: clock.clockId, outcome });
  };
  const start = (stage: SlaStage) => {
    if ((stage === 'follow_up' || stage === 'auto_close') && input.agency === null) return;
    actions.push({
      kind: 'start',
      stage,
      agency: input.agency,
      agencyLevel: input.agencyLevel,
      startedAt: input.at,
    });
  };

  if (input.transition !== 'info_requested') {
    for (const clock of activeOf('follow_up')) {
      if (clock.status === 'paused') actions.push({ kind: 'resume', clockId: clock.clockId });
    }
  }

  // The resolution stage (submitted → closed) is not started here: see docs/sla.md.
  switch (input.transition) {
    case 'verified':
    case 'acknowledged':
      break;
    case 'routed':
    case 'forwarded':
    case 'escalated':
      end('follow_up', 'stopped');
      end('auto_close', 'stopped');
      start('follow_up');
      break;
    case 'info_requested':
      for (const clock of activeOf('follow_up')) {
        if (clock.status === 'running') actions.push({ kind: 'pause', clockId: clock.clockId });
      }
      break;
    case 'responded':
      end('follow_up', 'met');
      end('auto_close', 'stopped');
      start('auto_close');
      break;
    case 'reopened':
      end('auto_close', 'stopped');
      end('follow_up', 'stopped');
      start('follow_up');
      if (
        activeOf('resolution').length === 0 &&
        input.clocks.some((c) => c.stage === 'resolution')
      ) {
        start('resolution');
      }
      break;
    case 'closed':
      end('follow_up', 'stopped');
      end('auto_close', 'met');
      end('resolution', 'met');
      end('verification', 'stopped');
      break;
    case 'rejected':
      end('verification', 'met');
      end('follow_up', 'stopped');
      end('auto_close', 'stopped');
      end('resolution', 'stopped');
      break;
  }
  return actions;
}
