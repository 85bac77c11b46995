import {
  EventTypes,
  provinceCodeOf,
  regencyCodeOf,
  type ComplaintSubmittedData,
} from '@salur/contracts';
import {
  qualifiesForAutoVerification,
  type AutoVerificationPolicy,
} from '../../domain/auto-verification';
import {
  linkDuplicate,
  openCase,
  rejectCase,
  type ComplaintCase,
} from '../../domain/complaint-case';
import { findDuplicate, reporterKeyOf } from '../../domain/duplicate-detection';
import { caseEvent } from '../case-events';
import type { Clock, RoutingDirectory, RoutingTransaction, RuleIndexCache } from '../ports';
import { verifyAndRoute } from '../route-verified';

export interface SubmissionPolicy extends AutoVerificationPolicy {
  /** How far back duplicate detection looks; 0 turns it off. */
  readonly duplicateWindowMs: number;
}

/**
 * Opens a case for a new submission. One that repeats an open complaint about the same
 * regency/city is linked to it instead of being routed twice: rejected as a duplicate at once when
 * the same reporter sent it, held for a verifier when someone else did. A complete submission
 * from a trusted channel is verified by routing itself and routed at once; anything else waits,
 * pending, for a verifier.
 */
export class ReceiveSubmission {
  constructor(
    private readonly deps: { directory: RoutingDirectory; rules: RuleIndexCache },
    private readonly policy: SubmissionPolicy,
    private readonly clock: Clock,
  ) {}

  async execute(tx: RoutingTransaction, s: ComplaintSubmittedData): Promise<void> {
    const opened = openCase({
      complaintId: s.complaintId,
      trackingId: s.trackingId,
      regionCode: s.location.regionCode,
      category: s.category ?? null,
      type: s.type,
      privacy: s.privacy,
      channel: s.channel,
      title: s.title,
      body: s.body,
      submittedAt: new Date(s.submittedAt),
      reporter: s.reporter ?? null,
      reporterKey: reporterKeyOf(s.reporter),
      targetAgency: s.targetAgency ?? null,
    });
    // A submission seen before (the same complaint in a second event) is not handled twice.
    if (!(await tx.cases.insertIfAbsent(opened))) return;
    if (await this.linkedAsDuplicate(tx, opened)) return;
    if (!qualifiesForAutoVerification(s, this.policy)) return;
    await verifyAndRoute(tx, this.deps, opened, {
      classification: { category: s.category, type: s.type },
      by: { role: 'system', id: 'routing' },
      at: this.clock.now(),
    });
  }

  private async linkedAsDuplicate(tx: RoutingTransaction, opened: ComplaintCase): Promise<boolean> {
    if (this.policy.duplicateWindowMs <= 0) return false;
    const area = regencyCodeOf(opened.regionCode) ?? provinceCodeOf(opened.regionCode);
    const since = new Date(opened.submittedAt.getTime() - this.policy.duplicateWindowMs);
    const candidates = await tx.cases.duplicateCandidates(area, since, opened.complaintId);
    const match = findDuplicate(opened, candidates);
    if (!match) return false;
    const linked = linkDuplicate(opened, match.original.complaintId);
    if (!match.sameReporter) {
      await tx.cases.update(linked);
      return true;
    }
    const rejected = rejectCase(linked, this.clock.now());
    await tx.cases.update(rejected);
    await tx.publish(
      caseEvent(EventTypes.ComplaintRejected, rejected, {
        reason: 'duplicate',
        note: `Laporan ini sama dengan laporan ${match.original.trackingId} yang sedang ditindaklanjuti.`,
        by: { role: 'system', id: 'routing' },
      }),
    );
    return true;
  }
}
