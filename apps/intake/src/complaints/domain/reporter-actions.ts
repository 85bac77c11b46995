import type { ComplaintStatus } from '@salur/contracts';

export type ReporterAction = 'reply' | 'confirm' | 'reopen';

/** What intake knows of a complaint when its reporter acts on it (from routing's snapshots). */
export interface ComplaintStanding {
  readonly status: ComplaintStatus;
  readonly respondedAt: Date | null;
  readonly closedAt: Date | null;
  /** Version of routing's last snapshot; 0 before routing has published one. */
  readonly stateVersion: number;
  /**
   * The snapshot version a confirmation or reopening was last sent against: routing has not
   * answered it yet while this equals `stateVersion`.
   */
  readonly decisionPendingAt: number | null;
}

export type ActionDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/**
 * Whether the reporter may do this now. Intake only refuses what routing would certainly refuse;
 * routing stays the one that decides the transition.
 *
 * - reply: while the complaint is open (not rejected or closed);
 * - confirm: only once the agency has responded;
 * - reopen: after a response or a closure, within `reopenWindowMs` of it.
 *
 * A confirmation or reopening that routing has not answered yet blocks another one, so a double
 * click does not send two.
 */
export function decideReporterAction(
  action: ReporterAction,
  standing: ComplaintStanding,
  now: Date,
  reopenWindowMs: number,
): ActionDecision {
  const { status } = standing;
  switch (action) {
    case 'reply':
      return status === 'rejected' || status === 'closed'
        ? refuse(`the complaint is ${status}; replies are closed`)
        : { allowed: true };
    case 'confirm':
      if (status !== 'responded') {
        return refuse(`the complaint is ${status}; it can be confirmed once the agency responds`);
      }
      return pendingDecision(standing) ?? { allowed: true };
    case 'reopen': {
      if (status !== 'responded' && status !== 'closed') {
        return refuse(`the complaint is ${status}; only a responded or closed one can be reopened`);
      }
      const since = status === 'closed' ? standing.closedAt : standing.respondedAt;
      if (since === null) return refuse(`the complaint is ${status} without a date to count from`);
      const until = new Date(since.getTime() + reopenWindowMs);
      if (now.getTime() > until.getTime()) {
        return refuse(
          `the complaint is ${status}; the reopening window ended at ${until.toISOString()}`,
        );
      }
      return pendingDecision(standing) ?? { allowed: true };
    }
  }
}

function pendingDecision(standing: ComplaintStanding): ActionDecision | undefined {
  return standing.decisionPendingAt === standing.stateVersion
    ? refuse(
        `the complaint is ${standing.status}; the reporter's earlier confirmation or reopening is still being processed`,
      )
    : undefined;
}

function refuse(reason: string): ActionDecision {
  return { allowed: false, reason };
}
