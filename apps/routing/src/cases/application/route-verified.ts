import { EventTypes, type ActorRef, type ComplaintVerifiedData } from '@salur/contracts';
import {
  routeCase,
  verifyCase,
  type AgencyRef,
  type Classification,
  type ComplaintCase,
} from '../domain/complaint-case';
import { dispose } from '../domain/disposition';
import { caseEvent } from './case-events';
import type { RoutingDirectory, RoutingTransaction, RuleIndexCache } from './ports';

/**
 * Verifies a pending case and routes it, in one transaction: `verified` then `routed`, two
 * versions. A verifier may name the agency; otherwise the rules decide.
 */
export async function verifyAndRoute(
  tx: RoutingTransaction,
  deps: { directory: RoutingDirectory; rules: RuleIndexCache },
  current: ComplaintCase,
  input: { classification: Classification; by: ActorRef; agency?: AgencyRef; at: Date },
): Promise<ComplaintCase> {
  const verified = verifyCase(current, input.classification, input.at);
  const data: Omit<ComplaintVerifiedData, 'complaint'> = {
    by: input.by,
    category: input.classification.category,
    type: verified.type,
    privacy: verified.privacy,
  };
  await tx.publish(caseEvent(EventTypes.ComplaintVerified, verified, data));

  const disposition = input.agency
    ? { agency: input.agency, reason: 'verifier' as const }
    : dispose(verified, deps.rules.indexFor(await tx.ruleSets.current()), deps.directory);
  const routed = routeCase(verified, disposition.agency, input.at);
  await tx.cases.update(routed);
  await tx.publish(
    caseEvent(EventTypes.ComplaintRouted, routed, {
      agency: disposition.agency.code,
      reason: disposition.reason,
      ...('ruleId' in disposition && disposition.ruleId ? { ruleId: disposition.ruleId } : {}),
    }),
  );
  return routed;
}
