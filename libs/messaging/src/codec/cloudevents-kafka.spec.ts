import { CloudEvent, Kafka, type KafkaMessage } from 'cloudevents';
import type { EventEnvelope } from '@salur/contracts';
import { decodeEvent, encodeEvent, UndecodableMessageError } from './cloudevents-kafka';

const envelope: EventEnvelope = {
  specversion: '1.0',
  id: '0b4e2f8e-7f5e-4b53-9a39-5d3f8c1d2a10',
  source: '/salur/routing',
  type: 'salur.complaint.routed.v1',
  time: '2026-11-29T03:04:05.678Z',
  subject: 'c-42',
  datacontenttype: 'application/json',
  agency: 'pemda-64.71',
  region: '64.71',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  data: { complaint: { complaintId: 'c-42', status: 'awaiting_follow_up' } },
};

describe('CloudEvents Kafka binary mode', () => {
  it('is read back by the reference CloudEvents SDK with every attribute and extension', () => {
    const encoded = encodeEvent(envelope);
    const message: KafkaMessage = {
      key: encoded.key,
      value: encoded.value,
      headers: encoded.headers,
      body: encoded.value,
    };
    const parsed = Kafka.toEvent(message) as CloudEvent<unknown>;
    expect(parsed.id).toBe(envelope.id);
    expect(parsed.source).toBe(envelope.source);
    expect(parsed.type).toBe(envelope.type);
    expect(parsed.subject).toBe(envelope.subject);
    expect(new Date(parsed.time!).toISOString()).toBe(envelope.time);
    expect(parsed.specversion).toBe('1.0');
    expect(parsed.datacontenttype).toBe('application/json');
    expect(parsed.agency).toBe('pemda-64.71');
    expect(parsed.region).toBe('64.71');
    expect(parsed.data).toEqual(envelope.data);
  });

  it('uses the complaint id as the Kafka key and puts the trace in traceparent', () => {
    const encoded = encodeEvent(envelope);
    expect(encoded.key).toBe('c-42');
    expect(encoded.headers.traceparent).toBe(envelope.traceparent);
    expect(encoded.headers['content-type']).toBe('application/json');
  });

  it('round-trips', () => {
    const encoded = encodeEvent(envelope);
    expect(decodeEvent(encoded)).toEqual(envelope);
  });

  it('omits optional extensions that are absent', () => {
    const { agency: _a, region: _r, traceparent: _t, ...bare } = envelope;
    const encoded = encodeEvent(bare);
    expect(Object.keys(encoded.headers)).not.toContain('ce_agency');
    expect(decodeEvent(encoded)).toEqual(bare);
  });

  it.each([
    ['a missing header', (h: Record<string, string>) => delete h.ce_id, /ce_id/],
    [
      'another spec version',
      (h: Record<string, string>) => (h.ce_specversion = '0.3'),
      /specversion/,
    ],
    [
      'a non-JSON content type',
      (h: Record<string, string>) => (h['content-type'] = 'text/xml'),
      /content-type/,
    ],
    [
      'a key that is not the subject',
      (h: Record<string, string>) => (h.ce_subject = 'other'),
      /differs/,
    ],
  ])('refuses %s', (_name, mutate, message) => {
    const encoded = encodeEvent(envelope);
    const headers = { ...encoded.headers };
    mutate(headers);
    expect(() => decodeEvent({ ...encoded, headers })).toThrow(UndecodableMessageError);
    expect(() => decodeEvent({ ...encoded, headers })).toThrow(message);
  });

  it('refuses a value that is not JSON', () => {
    const encoded = encodeEvent(envelope);
    expect(() => decodeEvent({ ...encoded, value: Buffer.from('{not json') })).toThrow(/not JSON/);
  });
});
