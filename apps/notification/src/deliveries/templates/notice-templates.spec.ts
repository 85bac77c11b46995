import { EventTypes, LANGUAGES, sampleEvent, type EventType } from '@salur/contracts';
import { reporterNoticeFor, REPORTER_NOTICES } from '../domain/audience';
import { noticeContext } from './notice-context';
import { loadTemplates, renderEmail, renderSms, SMS_MAX_LENGTH } from './notice-templates';

const agencyName = (code: string) => (code === 'pemda-64.71' ? 'Pemerintah Kota Balikpapan' : code);

describe('reporter notice templates', () => {
  const types = Object.keys(REPORTER_NOTICES) as EventType[];

  it.each(types.flatMap((type) => LANGUAGES.map((language) => [type, language] as const)))(
    'renders %s in %s, email and SMS',
    (type, language) => {
      const notice = reporterNoticeFor(type);
      if (notice === null) throw new Error(`${type} has no notice`);
      const context = noticeContext(sampleEvent(type), agencyName);
      const email = renderEmail(notice, language, context);
      expect(email.subject).toContain(context.trackingId);
      expect(email.subject).not.toMatch(/[\r\n]/);
      expect(email.text).toContain(context.trackingId);
      expect(email.text).not.toContain('{{');
      expect(email.html).toContain(`lang="${language}"`);
      const sms = renderSms(notice, language, context);
      expect(sms).toContain(context.trackingId);
      expect(sms.length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
      expect(sms).not.toMatch(/[\r\n]/);
    },
  );

  it('speaks Indonesian by default and English when asked', () => {
    const context = noticeContext(sampleEvent(EventTypes.ComplaintRouted), agencyName);
    expect(renderEmail('routed', 'id', context).subject).toContain(
      'diteruskan ke Pemerintah Kota Balikpapan',
    );
    expect(renderEmail('routed', 'en', context).subject).toContain(
      'passed to Pemerintah Kota Balikpapan',
    );
  });

  it('escapes what the agency wrote in HTML, and keeps it readable in text', () => {
    const responded = sampleEvent(EventTypes.ComplaintResponded);
    const event = {
      ...responded,
      data: { ...responded.data, response: '<script>alert(1)</script> & done' },
    };
    const email = renderEmail('responded', 'id', noticeContext(event, agencyName));
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.text).toContain('<script>alert(1)</script> & done');
  });

  it('keeps header injection out of the subject', () => {
    const routed = sampleEvent(EventTypes.ComplaintRouted);
    const event = {
      ...routed,
      data: {
        ...routed.data,
        complaint: { ...routed.data.complaint, trackingId: 'SLR-1\r\nBcc: x@y' },
      },
    };
    expect(renderEmail('routed', 'id', noticeContext(event, agencyName)).subject).not.toMatch(
      /[\r\n]/,
    );
  });

  it('names every template file that is missing', () => {
    expect(() => loadTemplates('/nonexistent-template-dir')).toThrow(
      /missing in \/nonexistent-template-dir: id\/receipt\.subject\.hbs, id\/receipt\.text\.hbs/,
    );
  });
});
