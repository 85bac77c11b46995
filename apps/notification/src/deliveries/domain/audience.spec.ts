import { EventTypes, sampleEvent, type EventEnvelope } from '@salur/contracts';
import {
  agencyAudience,
  eventForAgency,
  reporterChannel,
  reporterNoticeFor,
  REPORTER_NOTICE_LIST,
} from './audience';

function confidential(event: EventEnvelope): EventEnvelope {
  const data = event.data as { complaint: Record<string, unknown> };
  return {
    ...event,
    data: { ...data, complaint: { ...data.complaint, privacy: 'confidential', body: null } },
  };
}

describe('who hears about an event', () => {
  it('tells the agency holding the complaint, and for a forward also the one it left', () => {
    expect(agencyAudience(sampleEvent(EventTypes.ComplaintRouted))).toEqual(['pemda-64.71']);
    const forwarded = sampleEvent(EventTypes.ComplaintForwarded);
    expect(agencyAudience(forwarded).sort()).toEqual(
      [forwarded.data.fromAgency, forwarded.data.toAgency].sort(),
    );
    expect(agencyAudience(sampleEvent(EventTypes.SlaBreached))).toEqual(['pemda-64.71']);
  });

  it('gives a confidential body only to the assigned agency', () => {
    const routed = confidential(sampleEvent(EventTypes.ComplaintRouted));
    const assigned = eventForAgency(routed, 'pemda-64.71', 'isi rahasia');
    expect((assigned.data as { complaint: { body: string } }).complaint.body).toBe('isi rahasia');
    const other = eventForAgency(routed, 'pemda-64', 'isi rahasia');
    expect((other.data as { complaint: { body: unknown } }).complaint.body).toBeNull();
    expect(JSON.stringify(other)).not.toContain('isi rahasia');
  });

  it('leaves a public complaint as it is on the topic, and never passes a reporter field on', () => {
    const routed = sampleEvent(EventTypes.ComplaintRouted);
    const withReporter = { ...routed, data: { ...routed.data, reporter: { name: 'Siti' } } };
    const sent = eventForAgency(withReporter, 'pemda-64.71', 'ignored');
    expect(JSON.stringify(sent)).not.toContain('Siti');
    expect((sent.data as { complaint: unknown }).complaint).toEqual(routed.data.complaint);
  });

  it('notices the reporter of receipt, routing, questions, responses, closing and reopening', () => {
    expect(reporterNoticeFor(EventTypes.ComplaintSubmitted)).toBe('receipt');
    expect(reporterNoticeFor(EventTypes.ComplaintEscalated)).toBe('routed');
    expect(reporterNoticeFor(EventTypes.ComplaintAcknowledged)).toBeNull();
    expect(reporterNoticeFor(EventTypes.SlaBreached)).toBeNull();
    expect(REPORTER_NOTICE_LIST).toEqual([
      'receipt',
      'routed',
      'info_requested',
      'responded',
      'closed',
      'reopened',
    ]);
  });

  it('reaches the reporter by email first, by SMS otherwise, as configured', () => {
    const both = { email: 'siti@example.test', phone: '+6281234567890' };
    expect(reporterChannel(both, ['email', 'sms'])).toBe('email');
    expect(reporterChannel(both, ['sms'])).toBe('sms');
    expect(reporterChannel({ phone: '+6281234567890' }, ['email'])).toBeNull();
    expect(reporterChannel({ name: 'Siti' }, ['email', 'sms'])).toBeNull();
  });
});
