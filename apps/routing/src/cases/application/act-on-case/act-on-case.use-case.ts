import { EventTypes, type ActorRef, type ActorRole } from '@salur/contracts';
import { actsForCurrentAgency, canRead, type Officer } from '../../domain/case-access';
import {
  acknowledgeCase,
  escalateCase,
  forwardCase,
  grantExtension,
  postponeCase,
  rejectCase,
  requestInfo,
  respondCase,
  type AgencyRef,
  type ComplaintCase,
} from '../../domain/complaint-case';
import {
  ComplaintNotFound,
  NotAssignedToYou,
  UnknownAgency,
  VersionMismatch,
} from '../../domain/errors';
import { caseEvent } from '../case-events';
import type {
  Clock,
  RoutingDirectory,
  RoutingTransactions,
  RoutingTransaction,
  RuleIndexCache,
} from '../ports';
import { verifyAndRoute } from '../route-verified';
import type { ActOnCaseCommand, CaseAction } from './case-action.command';

const NATIONAL_ROLES: readonly ActorRole[] = ['verifier', 'admin'];
const AGENCY_ROLES: readonly ActorRole[] = ['agency_supervisor', 'agency_operator'];

function actorOf(officer: Officer, preferred: readonly ActorRole[]): ActorRef {
  const role = preferred.find((r) => officer.roles.includes(r)) ?? 'admin';
  return {
    role,
    id: officer.subject,
    ...(AGENCY_ROLES.includes(role) && officer.agency ? { agency: officer.agency } : {}),
  };
}

const isNational = (officer: Officer): boolean =>
  officer.roles.some((role) => (NATIONAL_ROLES as readonly string[]).includes(role));

/**
 * Every officer action on a case: loads it under a row lock, checks the caller may see it (else
 * it does not exist for them) and act on it, applies the transition of the state machine and
 * publishes its event with the full snapshot, in one transaction.
 */
export class ActOnCase {
  constructor(
    private readonly transactions: RoutingTransactions,
    private readonly deps: { directory: RoutingDirectory; rules: RuleIndexCache },
    private readonly clock: Clock,
  ) {}

  execute({
    officer,
    complaintId,
    action,
    expectedVersion,
  }: ActOnCaseCommand): Promise<ComplaintCase> {
    return this.transactions.run(async (tx) => {
      const current = await tx.cases.findForUpdate(complaintId);
      if (!current || !canRead(officer, current, this.deps.directory)) {
        throw new ComplaintNotFound(complaintId);
      }
      const agencyAction =
        action.kind !== 'verify' && action.kind !== 'reject' && action.kind !== 'postpone';
      if (
        agencyAction &&
        !isNational(officer) &&
        !actsForCurrentAgency(officer, current, this.deps.directory)
      ) {
        throw new NotAssignedToYou(current.agency);
      }
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw new VersionMismatch(expectedVersion, current.version);
      }
      return this.apply(tx, officer, current, action);
    });
  }

  private agency(code: string): AgencyRef {
    const agency = this.deps.directory.find(code);
    if (!agency) throw new UnknownAgency(code);
    return agency;
  }

  private async apply(
    tx: RoutingTransaction,
    officer: Officer,
    current: ComplaintCase,
    action: CaseAction,
  ): Promise<ComplaintCase> {
    const at = this.clock.now();
    const verifier = actorOf(officer, ['verifier', 'admin']);
    const agencyActor = actorOf(officer, [...AGENCY_ROLES, 'verifier', 'admin']);
    const save = async (
      next: ComplaintCase,
      event: Parameters<RoutingTransaction['publish']>[0],
    ) => {
      await tx.cases.update(next);
      await tx.publish(event);
      return next;
    };
    switch (action.kind) {
      case 'verify':
        return verifyAndRoute(tx, this.deps, current, {
          classification: {
            category: action.category,
            type: action.type,
            ...(action.privacy ? { privacy: action.privacy } : {}),
          },
          by: verifier,
          ...(action.agency ? { agency: this.agency(action.agency) } : {}),
          at,
        });
      case 'reject': {
        const next = rejectCase(current, at);
        return save(
          next,
          caseEvent(EventTypes.ComplaintRejected, next, {
            reason: action.reason,
            ...(action.note ? { note: action.note } : {}),
            by: verifier,
          }),
        );
      }
      case 'postpone': {
        // No event: the catalogue has none for it, and the version stays (see postponeCase).
        const next = postponeCase(
          current,
          {
            until: action.until,
            reason: action.reason,
            ...(action.note ? { note: action.note } : {}),
            by: verifier.id,
          },
          at,
        );
        await tx.cases.update(next);
        return next;
      }
      case 'acknowledge': {
        const next = acknowledgeCase(current, at);
        return save(next, caseEvent(EventTypes.ComplaintAcknowledged, next, { by: agencyActor }));
      }
      case 'request_info': {
        const next = requestInfo(current, at);
        return save(
          next,
          caseEvent(EventTypes.ComplaintInfoRequested, next, {
            question: action.question,
            by: agencyActor,
          }),
        );
      }
      case 'respond': {
        const next = respondCase(current, at);
        return save(
          next,
          caseEvent(EventTypes.ComplaintResponded, next, {
            response: action.response,
            attachments: action.attachments,
            by: agencyActor,
          }),
        );
      }
      case 'forward': {
        const byVerifier = isNational(officer);
        const next = forwardCase(current, this.agency(action.toAgency), at, { byVerifier });
        return save(
          next,
          caseEvent(EventTypes.ComplaintForwarded, next, {
            fromAgency: current.agency,
            toAgency: action.toAgency,
            reason: action.reason,
            by: byVerifier ? verifier : agencyActor,
          }),
        );
      }
      case 'escalate': {
        const parent = current.agency
          ? this.deps.directory.escalationTargetOf(current.agency)
          : null;
        const next = escalateCase(current, parent, at);
        return save(
          next,
          caseEvent(EventTypes.ComplaintEscalated, next, {
            fromAgency: current.agency,
            toAgency: next.agency,
            trigger: 'agency',
            ...(action.reason ? { reason: action.reason } : {}),
            by: agencyActor,
          }),
        );
      }
      case 'extend': {
        const deadline = await tx.deadlines.findForUpdate(current.complaintId);
        // Routing's copy of the holding agency's follow-up clock; an older agency's is not it.
        const state = deadline && deadline.agency === current.agency ? deadline.state : null;
        const next = grantExtension(current, state, at);
        return save(
          next,
          caseEvent(EventTypes.ComplaintExtensionGranted, next, {
            reason: action.reason,
            by: agencyActor,
          }),
        );
      }
    }
  }
}
