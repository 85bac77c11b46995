/**
 * The CloudEvents 1.0 envelope every Salur event travels in (binary mode on Kafka: attributes in
 * `ce_*` headers, `data` as the JSON value). `agency` and `region` are CloudEvents extensions.
 */
export interface EventEnvelope<TData = unknown, TType extends string = string> {
  readonly specversion: '1.0';
  /** UUID; the deduplication key of every consumer. */
  readonly id: string;
  /** URI reference of the producing service, e.g. `/salur/intake`. */
  readonly source: string;
  readonly type: TType;
  /** RFC 3339 instant. */
  readonly time: string;
  /** The complaint id; also the Kafka key. */
  readonly subject: string;
  readonly datacontenttype: 'application/json';
  /** Current agency code, where there is one. */
  readonly agency?: string;
  /** Kemendagri region code. */
  readonly region?: string;
  /** W3C trace context of the action that caused the event. */
  readonly traceparent?: string;
  readonly data: TData;
}

/** What a producer supplies; id, time and specversion are filled in when the event is created. */
export interface NewEvent<TData = unknown, TType extends string = string> {
  readonly type: TType;
  readonly subject: string;
  readonly data: TData;
  readonly agency?: string;
  readonly region?: string;
  readonly traceparent?: string;
  /** Defaults to a random UUID; pass one to make a retried producer action deduplicate. */
  readonly id?: string;
  /** Defaults to now. */
  readonly time?: Date;
}
