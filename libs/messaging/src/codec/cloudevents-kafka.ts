import type { EventEnvelope } from '@salur/contracts';

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: each attribute is a `ce_` header,
 * `content-type` carries datacontenttype, the value is the JSON `data`, and the key is the
 * subject (the complaint id), so all events of one complaint share a partition.
 */
export const CE_HEADERS = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  time: 'ce_time',
  subject: 'ce_subject',
  agency: 'ce_agency',
  region: 'ce_region',
} as const;

export const CONTENT_TYPE_HEADER = 'content-type';
export const TRACEPARENT_HEADER = 'traceparent';

export interface EncodedEvent {
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Record<string, string>;
}

export function encodeEvent(event: EventEnvelope): EncodedEvent {
  const headers: Record<string, string> = {
    [CE_HEADERS.specversion]: event.specversion,
    [CE_HEADERS.id]: event.id,
    [CE_HEADERS.source]: event.source,
    [CE_HEADERS.type]: event.type,
    [CE_HEADERS.time]: event.time,
    [CE_HEADERS.subject]: event.subject,
    [CONTENT_TYPE_HEADER]: event.datacontenttype,
  };
  if (event.agency !== undefined) headers[CE_HEADERS.agency] = event.agency;
  if (event.region !== undefined) headers[CE_HEADERS.region] = event.region;
  if (event.traceparent !== undefined) headers[TRACEPARENT_HEADER] = event.traceparent;
  return { key: event.subject, value: Buffer.from(JSON.stringify(event.data), 'utf8'), headers };
}

/** Why a message could not be turned into an event; such a message goes to the dead-letter topic. */
export class UndecodableMessageError extends Error {
  override readonly name = 'UndecodableMessageError';
}

/**
 * Reads the envelope back. Checks only what binary mode itself requires; the attributes' formats
 * and the data's schema are checked by the contracts afterwards.
 */
export function decodeEvent(message: {
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string | undefined>>;
}): EventEnvelope {
  const h = message.headers;
  const missing = (['specversion', 'id', 'source', 'type', 'time', 'subject'] as const).filter(
    (attr) => !h[CE_HEADERS[attr]],
  );
  if (missing.length > 0) {
    throw new UndecodableMessageError(
      `missing CloudEvents header(s): ${missing.map((a) => CE_HEADERS[a]).join(', ')}`,
    );
  }
  if (h[CE_HEADERS.specversion] !== '1.0') {
    throw new UndecodableMessageError(
      `unsupported ce_specversion ${JSON.stringify(h[CE_HEADERS.specversion])}`,
    );
  }
  const contentType = h[CONTENT_TYPE_HEADER] ?? 'application/json';
  if (!/^application\/json\b/i.test(contentType)) {
    throw new UndecodableMessageError(`unsupported content-type ${JSON.stringify(contentType)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(message.value.toString('utf8'));
  } catch (error) {
    throw new UndecodableMessageError(
      `value is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const subject = h[CE_HEADERS.subject]!;
  if (message.key !== subject) {
    throw new UndecodableMessageError(
      `Kafka key ${JSON.stringify(message.key)} differs from ce_subject ${JSON.stringify(subject)}`,
    );
  }
  return {
    specversion: '1.0',
    id: h[CE_HEADERS.id]!,
    source: h[CE_HEADERS.source]!,
    type: h[CE_HEADERS.type]!,
    time: h[CE_HEADERS.time]!,
    subject,
    datacontenttype: 'application/json',
    ...(h[CE_HEADERS.agency] !== undefined ? { agency: h[CE_HEADERS.agency] } : {}),
    ...(h[CE_HEADERS.region] !== undefined ? { region: h[CE_HEADERS.region] } : {}),
    ...(h[TRACEPARENT_HEADER] !== undefined ? { traceparent: h[TRACEPARENT_HEADER] } : {}),
    data,
  };
}
