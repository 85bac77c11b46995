import { ComplaintNotFound } from '../../domain/intake-errors';
import { reporterDueDate } from '../../domain/sla-due';
import { TRACKING_ID_FORMAT, trackingTokenMatches } from '../../domain/tracking';
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

export interface TimelineItem {
  readonly kind: string;
  readonly at: string;
  readonly status: string | null;
  readonly agency: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface AgencyResponse {
  readonly agency: string | null;
  readonly respondedAt: string;
  readonly response: unknown;
  readonly attachments: unknown;
}

export interface ReporterComplaintView extends Omit<PublicComplaintSummary, 'view'> {
  readonly view: 'reporter';
  readonly complaintId: string;
  readonly privacy: string;
  readonly body: string;
  readonly respondedAt: string | null;
  readonly closedAt: string | null;
  /** The deadline that matters to the reporter now, from the SLA service; null if none runs. */
  readonly sla: {
    readonly stage: string;
    readonly agency: string | null;
    readonly dueAt: string;
    readonly state: string;
  } | null;
  readonly timeline: TimelineItem[];
  readonly responses: AgencyResponse[];
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
    // Only a well-formed id can exist; anything else (a NUL byte, which Postgres refuses in text,
    // included) is not found without asking the database.
    if (!TRACKING_ID_FORMAT.test(trackingId)) throw new ComplaintNotFound(trackingId);
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
      const [entries, clocks] = await Promise.all([
        this.reader.timelineOf(found.complaintId),
        this.reader.slaClocksOf(found.complaintId),
      ]);
      const due = reporterDueDate(clocks, found.agency);
      const submitted: TimelineItem = {
        kind: 'submitted',
        at: summary.submittedAt,
        status: 'pending_verification',
        agency: null,
        detail: {},
      };
      const timeline = [submitted].concat(
        entries.map((e) => ({
          kind: e.kind,
          at: e.at.toISOString(),
          status: e.status,
          agency: e.agency,
          detail: e.detail,
        })),
      );
      return {
        ...summary,
        view: 'reporter',
        complaintId: found.complaintId,
        privacy: found.privacy,
        body: found.body,
        respondedAt: found.respondedAt?.toISOString() ?? null,
        closedAt: found.closedAt?.toISOString() ?? null,
        sla: due
          ? {
              stage: due.stage,
              agency: due.agency,
              dueAt: due.dueAt.toISOString(),
              state: due.state,
            }
          : null,
        timeline,
        responses: timeline
          .filter((e) => e.kind === 'responded')
          .map((e) => ({
            agency: e.agency,
            respondedAt: e.at,
            response: e.detail.response,
            attachments: e.detail.attachments ?? [],
          })),
      };
    }
    if (found.privacy === 'confidential') throw new ComplaintNotFound(trackingId);
    return { ...summary, view: 'public' };
  }
}
