import { EventTypes, sampleEvent } from '@salur/contracts';
import { createHmac } from 'node:crypto';
import { pagerDutyEvent } from './pager-sender';
import { signatureHeaders, structuredCloudEvent } from './webhook-sender';

describe('webhook signing', () => {
  const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
  const other = `whsec_${Buffer.from('fedcba9876543210fedcba9876543210').toString('base64')}`;

  function hmac(key: string, content: string): string {
    return createHmac('sha256', Buffer.from(key.slice('whsec_'.length), 'base64'))
      .update(content)
      .digest('base64');
  }

  it('signs id.timestamp.body with HMAC-SHA256, once per valid secret', () => {
    const at = new Date('2026-01-05T01:02:03.456Z');
    const body = '{"hello":"world"}';
    const headers = signatureHeaders('msg-1', at, body, [secret, other]);
    expect(headers['webhook-id']).toBe('msg-1');
    expect(headers['webhook-timestamp']).toBe('1767574923');
    expect(headers['webhook-signature']).toBe(
      `v1,${hmac(secret, `msg-1.1767574923.${body}`)} v1,${hmac(other, `msg-1.1767574923.${body}`)}`,
    );
  });

  it('sends the event as structured CloudEvents JSON', () => {
    const routed = sampleEvent(EventTypes.ComplaintRouted);
    expect(JSON.parse(structuredCloudEvent(routed))).toEqual({
      specversion: '1.0',
      id: routed.id,
      source: '/salur/routing',
      type: routed.type,
      time: routed.time,
      subject: routed.subject,
      datacontenttype: 'application/json',
      agency: routed.agency,
      region: routed.region,
      traceparent: routed.traceparent,
      data: routed.data,
    });
  });
});

describe('PagerDuty Events API v2', () => {
  const page = {
    action: 'trigger' as const,
    dedupKey: 'salur-sla-abc-breach',
    severity: 'critical' as const,
    summary: 'SLA follow_up breached',
    agency: 'pemda-64.71',
    complaintId: 'c',
    clockId: 'abc',
    stage: 'follow_up',
    dueAt: '2026-01-05T00:00:00Z',
    sourceEventType: EventTypes.SlaBreached,
  };

  it('triggers with a payload and resolves with the dedup key alone', () => {
    expect(pagerDutyEvent(page, 'rk')).toMatchObject({
      routing_key: 'rk',
      event_action: 'trigger',
      dedup_key: 'salur-sla-abc-breach',
      payload: { summary: 'SLA follow_up breached', severity: 'critical', source: 'salur-sla' },
    });
    expect(pagerDutyEvent({ ...page, action: 'resolve' }, 'rk')).toEqual({
      routing_key: 'rk',
      event_action: 'resolve',
      dedup_key: 'salur-sla-abc-breach',
    });
  });
});
