import {
  EventTypes,
  type SlaAutoCloseDueData,
  type SlaEscalationRequestedData,
} from '@salur/contracts';
import { allows, autoCloseCase, escalateCase } from '../../domain/complaint-case';
import { caseEvent } from '../case-events';
import type { Clock, RoutingDirectory, RoutingTransaction } from '../ports';

export type SlaRequestOutcome = 'applied' | 'stale' | 'unknown_case';

/**
 * What the SLA service asks of routing. A request the case has moved past (responded before the
 * breach was noticed, already escalated, reopened before the auto-close) is stale and changes
 * nothing: the deadline it reports no longer exists.
 */
export class ApplySlaRequest {
  constructor(
    private readonly directory: RoutingDirectory,
    private readonly clock: Clock,
  ) {}

  async escalationRequested(
    tx: RoutingTransaction,
    e: SlaEscalationRequestedData,
  ): Promise<SlaRequestOutcome> {
    const current = await tx.cases.findForUpdate(e.complaintId);
    if (!current) return 'unknown_case';
    if (current.agency !== e.fromAgency || !allows('escalate', current.status)) return 'stale';
    const parent = this.directory.escalationTargetOf(e.fromAgency);
    if (!parent) return 'stale';
    const next = escalateCase(current, parent, this.clock.now());
    await tx.cases.update(next);
    await tx.publish(
      caseEvent(EventTypes.ComplaintEscalated, next, {
        fromAgency: e.fromAgency,
        toAgency: parent.code,
        trigger: 'sla',
        reason: e.reason,
        clockId: e.clockId,
        by: { role: 'system', id: 'sla' },
      }),
    );
    return 'applied';
  }

  async autoCloseDue(tx: RoutingTransaction, e: SlaAutoCloseDueData): Promise<SlaRequestOutcome> {
    const current = await tx.cases.findForUpdate(e.complaintId);
    if (!current) return 'unknown_case';
    if (!allows('auto-close', current.status)) return 'stale';
    const next = autoCloseCase(current, this.clock.now());
    await tx.cases.update(next);
    await tx.publish(caseEvent(EventTypes.ComplaintClosed, next, { closedBy: 'auto_close' }));
    return 'applied';
  }
}
