import {
  EventTypes,
  type ReporterConfirmedData,
  type ReporterRepliedData,
  type ReporterReopenedData,
} from '@salur/contracts';
import {
  confirmCase,
  recordReporterReply,
  reopenCase,
  type ComplaintCase,
} from '../../domain/complaint-case';
import { caseEvent } from '../case-events';
import type { RoutingTransaction } from '../ports';

/** The case is not here yet: its submission is still on its way (retried later). */
export class CaseNotYetKnown extends Error {
  constructor(complaintId: string) {
    super(`complaint ${complaintId} is not known to routing yet`);
  }
}

async function load(tx: RoutingTransaction, complaintId: string): Promise<ComplaintCase> {
  const c = await tx.cases.findForUpdate(complaintId);
  if (!c) throw new CaseNotYetKnown(complaintId);
  return c;
}

/**
 * What the reporter did, as intake reports it. A redelivered event is stopped by the inbox; one
 * the state no longer allows throws `IllegalTransition`, which the handler dead-letters.
 */
export class ApplyReporterEvent {
  /**
   * A reply to the agency's information request ends the wait for the reporter and is published
   * as `salur.complaint.info-received.v1` (the SLA service resumes the follow-up clock on it). A
   * reply nobody asked for changes nothing and publishes nothing.
   */
  async replied(tx: RoutingTransaction, e: ReporterRepliedData): Promise<void> {
    const next = recordReporterReply(await load(tx, e.complaintId), new Date(e.repliedAt));
    if (!next) return;
    await tx.cases.update(next);
    await tx.publish(caseEvent(EventTypes.ComplaintInfoReceived, next, { repliedAt: e.repliedAt }));
  }

  async confirmed(tx: RoutingTransaction, e: ReporterConfirmedData): Promise<void> {
    const current = await load(tx, e.complaintId);
    // Closed by the reporter already: the same confirmation sent twice through intake.
    if (current.status === 'closed' && current.closedBy === 'reporter') return;
    const next = confirmCase(current, e.rating, new Date(e.confirmedAt));
    await tx.cases.update(next);
    await tx.publish(
      caseEvent(EventTypes.ComplaintClosed, next, {
        closedBy: 'reporter',
        rating: e.rating,
        ...(e.comment ? { comment: e.comment } : {}),
      }),
    );
  }

  async reopened(tx: RoutingTransaction, e: ReporterReopenedData): Promise<void> {
    const next = reopenCase(await load(tx, e.complaintId), new Date(e.reopenedAt));
    await tx.cases.update(next);
    await tx.publish(caseEvent(EventTypes.ComplaintReopened, next, { reason: e.reason }));
  }
}
