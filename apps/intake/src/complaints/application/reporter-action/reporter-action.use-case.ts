import {
  EventTypes,
  type ReporterConfirmedData,
  type ReporterRepliedData,
  type ReporterReopenedData,
} from '@salur/contracts';
import { randomUUID } from 'node:crypto';
import { ComplaintNotFound, ReporterActionNotAllowed } from '../../domain/intake-errors';
import { decideReporterAction } from '../../domain/reporter-actions';
import { trackingTokenMatches } from '../../domain/tracking';
import type { Clock, ReporterActionTransactions } from '../ports';
import type { ReporterActionCommand, ReporterActionResult } from './reporter-action.command';

export interface ReporterActionSettings {
  /** How long after a response or a closure the reporter may reopen. */
  readonly reopenWindowMs: number;
}

const VERBS = { reply: 'reply', confirm: 'confirm the response', reopen: 'reopen' } as const;

/**
 * The reporter replies, confirms the agency's response, or reopens the complaint. Intake checks
 * the token and what the projected status allows, then publishes the reporter's event in the same
 * transaction as its timeline entry; routing decides the transition.
 */
export class ActAsReporter {
  constructor(
    private readonly transactions: ReporterActionTransactions,
    private readonly clock: Clock,
    private readonly settings: ReporterActionSettings,
  ) {}

  execute(command: ReporterActionCommand): Promise<ReporterActionResult> {
    return this.transactions.run(async (tx) => {
      const complaint = await tx.lockByTrackingId(command.trackingId);
      // A wrong token looks like a missing complaint: it must not confirm that the id exists.
      if (!complaint || !trackingTokenMatches(command.trackingToken, complaint.trackingTokenHash)) {
        throw new ComplaintNotFound(command.trackingId);
      }
      const now = this.clock.now();
      const decision = decideReporterAction(
        command.action,
        complaint,
        now,
        this.settings.reopenWindowMs,
      );
      if (!decision.allowed) {
        throw new ReporterActionNotAllowed(
          VERBS[command.action],
          complaint.status,
          decision.reason,
        );
      }
      const at = now.toISOString();
      const { type, data, detail } = eventOf(command, complaint.complaintId, at);
      await tx.publish({
        type,
        subject: complaint.complaintId,
        region: complaint.regionCode,
        ...(complaint.agency !== null ? { agency: complaint.agency } : {}),
        data,
      });
      await tx.addTimelineEntry({
        entryId: randomUUID(),
        complaintId: complaint.complaintId,
        kind: kindOf(command.action),
        at: now,
        status: null,
        agency: complaint.agency,
        detail,
      });
      if (command.action !== 'reply') {
        await tx.markDecisionPending(complaint.complaintId, complaint.stateVersion);
      }
      return {
        trackingId: command.trackingId,
        action: command.action,
        status: complaint.status,
        acceptedAt: at,
      };
    });
  }
}

function kindOf(action: ReporterActionCommand['action']): string {
  return { reply: 'reporter-replied', confirm: 'reporter-confirmed', reopen: 'reporter-reopened' }[
    action
  ];
}

function eventOf(
  command: ReporterActionCommand,
  complaintId: string,
  at: string,
):
  | {
      type: typeof EventTypes.ReporterReplied;
      data: ReporterRepliedData;
      detail: Record<string, unknown>;
    }
  | {
      type: typeof EventTypes.ReporterConfirmed;
      data: ReporterConfirmedData;
      detail: Record<string, unknown>;
    }
  | {
      type: typeof EventTypes.ReporterReopened;
      data: ReporterReopenedData;
      detail: Record<string, unknown>;
    } {
  switch (command.action) {
    case 'reply': {
      const attachments = command.attachments.map((a) => ({ ...a }));
      return {
        type: EventTypes.ReporterReplied,
        data: { complaintId, message: command.message, attachments, repliedAt: at },
        detail: { message: command.message, attachments },
      };
    }
    case 'confirm': {
      const comment = command.comment !== undefined ? { comment: command.comment } : {};
      return {
        type: EventTypes.ReporterConfirmed,
        data: { complaintId, rating: command.rating, ...comment, confirmedAt: at },
        detail: { rating: command.rating, ...comment },
      };
    }
    case 'reopen':
      return {
        type: EventTypes.ReporterReopened,
        data: { complaintId, reason: command.reason, reopenedAt: at },
        detail: { reason: command.reason },
      };
  }
}
