import type { AgencyLevel, ComplaintStatus, SlaStage } from '@salur/contracts';
import { isActive, type SlaClock } from './sla-clock';

/** The `salur.complaints.v1` events that move clocks, by their short name. */
export type ComplaintTransition =
  | 'verified'
  | 'rejected'
  | 'routed'
  | 'acknowledged'
  | 'info_requested'
  | 'info_received'
  | 'extension_granted'
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
      /** A clock whose stage was already over when it became known: it ends at once. */
      readonly endWith?: { readonly at: Date; readonly outcome: 'met' | 'stopped' };
      /** A follow-up clock that became known while the agency waits for the reporter. */
      readonly pausedFromStart?: true;
    }
  | { readonly kind: 'pause'; readonly clockId: string }
  | { readonly kind: 'resume'; readonly clockId: string }
  | { readonly kind: 'extend'; readonly clockId: string }
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
  /** The complaint's status after the transition (the snapshot's), when known. */
  readonly status?: ComplaintStatus;
  /**
   * From the snapshot: when the complaint was submitted and verified. Given, the stages that
   * start at submission (`verification`, `resolution`) are started from `submittedAt` if the
   * complaint never had them, so a submitted event that arrives late (or never) loses nothing.
   */
  readonly submission?: {
    readonly submittedAt: Date;
    /** When verification ended, if it has (see `verificationEndedAt`). */
    readonly verifiedAt: Date | null;
  };
}

/**
 * When a snapshot says verification ended: its `verifiedAt`, or, for a complaint that left
 * `pending_verification` without one (rejected, or from before `verifiedAt` was kept), the
 * snapshot's own instant. Null while it waits for a verifier.
 */
export function verificationEndedAt(snapshot: {
  readonly status: string;
  readonly verifiedAt: string | null;
  readonly updatedAt: string;
}): Date | null {
  if (snapshot.verifiedAt !== null) return new Date(snapshot.verifiedAt);
  return snapshot.status === 'pending_verification' ? null : new Date(snapshot.updatedAt);
}

/** The transitions that start a follow-up clock of their own. */
const FOLLOW_UP_STARTERS: readonly ComplaintTransition[] = [
  'routed',
  'forwarded',
  'escalated',
  'reopened',
];

/** Statuses in which the assigned agency's follow-up clock runs (or waits for the reporter). */
const FOLLOW_UP_STATUSES: readonly ComplaintStatus[] = ['awaiting_follow_up', 'in_progress'];

/** The stages that start at submission; they belong to no agency. */
export const SUBMISSION_STAGES = ['verification', 'resolution'] as const satisfies SlaStage[];

/**
 * The clocks a `salur.complaint.submitted.v1` starts: each submission stage the complaint never
 * had a clock of (a complaint event that arrived first may have started it already). Pure.
 */
export function planSubmissionClocks(input: {
  readonly submittedAt: Date;
  readonly clocks: readonly SlaClock[];
}): ClockAction[] {
  return SUBMISSION_STAGES.filter((stage) => !input.clocks.some((c) => c.stage === stage)).map(
    (stage) => ({
      kind: 'start',
      stage,
      agency: null,
      agencyLevel: null,
      startedAt: input.submittedAt,
    }),
  );
}

/**
 * The clock actions for one complaint event, in order. Pure: the state machine of DESIGN.md
 * ("SLA"). Routed, forwarded and escalated start a new follow-up clock for the agency and end the
 * previous one; info-requested pauses follow-up; any other event resumes it first
 * (info-received, the reporter's reply, does only that); extension-granted extends the agency's
 * running follow-up clock once; responded meets
 * follow-up and starts auto-close; closed ends everything; reopened restarts follow-up and
 * resolution. Verified and rejected meet verification; closed meets resolution, rejected stops it.
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

  if (input.submission) {
    const { submittedAt, verifiedAt } = input.submission;
    const never = (stage: SlaStage) => !input.clocks.some((c) => c.stage === stage);
    const backfill = (
      stage: SlaStage,
      endWith?: { readonly at: Date; readonly outcome: 'met' | 'stopped' },
    ) =>
      actions.push({
        kind: 'start',
        stage,
        agency: null,
        agencyLevel: null,
        startedAt: submittedAt,
        ...(endWith ? { endWith } : {}),
      });
    if (never('verification')) {
      if (input.transition === 'verified' || input.transition === 'rejected') {
        backfill('verification', { at: input.at, outcome: 'met' });
      } else if (verifiedAt !== null) {
        backfill('verification', { at: verifiedAt, outcome: 'met' });
      } else {
        backfill('verification');
      }
    }
    // Reopened starts a resolution clock of its own below.
    if (never('resolution') && input.transition !== 'reopened') {
      if (input.transition === 'closed') backfill('resolution', { at: input.at, outcome: 'met' });
      else if (input.transition === 'rejected')
        backfill('resolution', { at: input.at, outcome: 'stopped' });
      else backfill('resolution');
    }
  }

  // The event that started the agency's follow-up (routed, forwarded, escalated) can be overtaken:
  // a retry delivers it after a newer event of the complaint, whose snapshot then refuses it as
  // older. The newer snapshot still says the agency holds the complaint, so its clock starts here,
  // at this event's instant — late by the time it was overtaken — and the agency is never without
  // one; a previous agency's clock stops. (Info-requested: started and paused at once.)
  if (
    input.status !== undefined &&
    FOLLOW_UP_STATUSES.includes(input.status) &&
    input.agency !== null &&
    !FOLLOW_UP_STARTERS.includes(input.transition) &&
    !active.some((c) => c.stage === 'follow_up' && c.agency === input.agency)
  ) {
    // A forward or escalation was overtaken: the previous agency's clock stops, as it would have.
    end('follow_up', 'stopped');
    actions.push({
      kind: 'start',
      stage: 'follow_up',
      agency: input.agency,
      agencyLevel: input.agencyLevel,
      startedAt: input.at,
      ...(input.transition === 'info_requested' ? { pausedFromStart: true as const } : {}),
    });
  }

  switch (input.transition) {
    case 'verified':
      end('verification', 'met');
      break;
    case 'acknowledged':
    case 'info_received':
      break;
    case 'extension_granted':
      // Once per clock: a clock extended before, or not running (breached, say), is left alone.
      for (const clock of activeOf('follow_up')) {
        if (
          clock.status === 'running' &&
          clock.agency === input.agency &&
          clock.extendedAt === null &&
          clock.extension !== null
        ) {
          actions.push({ kind: 'extend', clockId: clock.clockId });
        }
      }
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
      // Resolution restarts: a new clock (60 days from the reopening), the closed one stays met.
      if (activeOf('resolution').length === 0) {
        actions.push({
          kind: 'start',
          stage: 'resolution',
          agency: null,
          agencyLevel: null,
          startedAt: input.at,
        });
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
