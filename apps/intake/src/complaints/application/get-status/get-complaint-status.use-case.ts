import { ComplaintNotFound } from '../../domain/intake-errors';
import { trackingTokenMatches } from '../../domain/tracking';
import type { ComplaintStatusReader } from '../ports';

export interface PublicComplaintSummary {
  readonly view: 'public';
  readonly trackingId: string;
  readonly status: string;
  readonly agency: string | null;
  readonly type: string;
  readonly category: string | null;
  readonly regionCode: string;
  readonly title: string;
  readonly submittedAt: string;
  readonly updatedAt: string;
}

export interface ReporterComplaintView extends Omit<PublicComplaintSummary, 'view'> {
  readonly view: 'reporter';
  readonly complaintId: string;
  readonly privacy: string;
  readonly body: string;
}

/**
 * A complaint's status as its reporter (holding the tracking token) or the public sees it. The
 * public never learns that a confidential complaint exists: without the token it is not found.
 */
export class GetComplaintStatus {
  constructor(private readonly reader: ComplaintStatusReader) {}

  async execute(
    trackingId: string,
    trackingToken: string | undefined,
  ): Promise<PublicComplaintSummary | ReporterComplaintView> {
    const found = await this.reader.byTrackingId(trackingId);
    if (!found) throw new ComplaintNotFound(trackingId);
    const summary = {
      trackingId: found.trackingId,
      status: found.status,
      agency: found.agency,
      type: found.type,
      category: found.category,
      regionCode: found.regionCode,
      title: found.title,
      submittedAt: found.submittedAt.toISOString(),
      updatedAt: found.updatedAt.toISOString(),
    };
    if (
      trackingToken !== undefined &&
      trackingTokenMatches(trackingToken, found.trackingTokenHash)
    ) {
      return {
        ...summary,
        view: 'reporter',
        complaintId: found.complaintId,
        privacy: found.privacy,
        body: found.body,
      };
    }
    if (found.privacy === 'confidential') throw new ComplaintNotFound(trackingId);
    return { ...summary, view: 'public' };
  }
}
