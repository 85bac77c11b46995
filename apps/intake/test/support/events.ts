import {
  sampleEvent,
  type ComplaintSnapshot,
  type EventEnvelope,
  type EventType,
} from '@salur/contracts';
import { randomUUID } from 'node:crypto';

/** One of routing's events about a complaint intake accepted, with the snapshot overridden. */
export function complaintEvent(
  type: EventType,
  complaint: Partial<ComplaintSnapshot> & Pick<ComplaintSnapshot, 'complaintId' | 'trackingId'>,
  extra: Record<string, unknown> = {},
): EventEnvelope {
  const sample = sampleEvent(type) as EventEnvelope<Record<string, unknown>>;
  const snapshot = {
    ...(sample.data.complaint as ComplaintSnapshot),
    ...complaint,
  };
  return {
    ...sample,
    id: randomUUID(),
    subject: complaint.complaintId,
    time: snapshot.updatedAt,
    ...(snapshot.agency !== null ? { agency: snapshot.agency } : {}),
    region: snapshot.regionCode,
    data: { ...sample.data, ...extra, complaint: snapshot },
  };
}

/** One of the SLA service's events about a complaint's clock. */
export function slaEvent(
  type: EventType,
  data: {
    complaintId: string;
    clockId: string;
    dueAt: string;
    agency: string | null;
    stage: string;
  },
  time: string,
): EventEnvelope {
  const sample = sampleEvent(type) as EventEnvelope<Record<string, unknown>>;
  return {
    ...sample,
    id: randomUUID(),
    subject: data.complaintId,
    time,
    ...(data.agency !== null ? { agency: data.agency } : {}),
    data: {
      ...sample.data,
      ...data,
      agencyLevel: data.agency === null ? null : 'regency',
    },
  };
}
