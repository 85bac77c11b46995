import { EventTypes, type ComplaintRoutedData } from '@salur/contracts';
import { openCase, routeCase, snapshotOf } from '../../domain/complaint-case';
import { defaultDisposition, type AgencyLookup } from '../../domain/default-disposition';
import type { Clock, RoutingTransaction } from '../ports';
import type { RouteSubmissionCommand } from './route-submission.command';

/**
 * Opens a case for a new submission and assigns it by the default disposition: the regency/city
 * government of its location. (Verification, rules and the rest of the lifecycle build on this.)
 */
export class RouteSubmission {
  constructor(
    private readonly agencies: AgencyLookup,
    private readonly clock: Clock,
  ) {}

  async execute(tx: RoutingTransaction, { submission: s }: RouteSubmissionCommand): Promise<void> {
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
    });
    // A submission seen before (the same complaint in a second event) is not routed twice.
    if (!(await tx.cases.insertIfAbsent(opened))) return;

    const disposition = defaultDisposition(opened.regionCode, this.agencies);
    const routed = routeCase(opened, disposition.agency, this.clock.now());
    await tx.cases.update(routed);
    const data: ComplaintRoutedData = {
      complaint: snapshotOf(routed),
      agency: disposition.agency.code,
      reason: disposition.reason,
    };
    await tx.publish({
      type: EventTypes.ComplaintRouted,
      subject: routed.complaintId,
      agency: disposition.agency.code,
      region: routed.regionCode,
      data,
    });
  }
}
