import type { EventEnvelope } from '@salur/contracts';
import type { NoticeContext } from './notice-templates';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * What a reporter notice says, from the event that caused it: its tracking id and title, the
 * agency now holding it (by name), and the question, response or reason where there is one.
 */
export function noticeContext(
  event: EventEnvelope,
  agencyName: (code: string) => string,
): NoticeContext {
  const data = event.data as Record<string, unknown>;
  const snapshot = (
    typeof data.complaint === 'object' && data.complaint !== null ? data.complaint : data
  ) as Record<string, unknown>;
  const agency = text(snapshot.agency) ?? text(data.agency) ?? event.agency;
  return {
    trackingId: text(snapshot.trackingId) ?? '',
    title: text(snapshot.title) ?? '',
    agencyName: agency ? agencyName(agency) : 'LAPOR!',
    question: text(data.question),
    response: text(data.response),
    reason: text(data.reason),
  };
}
