import fc from 'fast-check';
import {
  ComplaintRoutedPayload,
  EVENT_TYPE_LIST,
  EventTypes,
  EventValidationError,
  sampleEvent,
  sampleEventData,
  validateEnvelope,
  validateEvent,
  validateEventData,
  type EventType,
  type ValidationIssue,
} from '.';

/** The issues validation raises for `data`, or [] when it passes. */
function issuesOf(type: EventType, data: unknown): ValidationIssue[] {
  try {
    validateEventData(type, data);
    return [];
  } catch (error) {
    if (!(error instanceof EventValidationError)) throw error;
    return [...error.issues];
  }
}

function envelopeIssuesOf(
  attrs: unknown,
  validate: (attrs: unknown) => unknown = validateEnvelope,
): ValidationIssue[] {
  try {
    validate(attrs);
    return [];
  } catch (error) {
    if (!(error instanceof EventValidationError)) throw error;
    return [...error.issues];
  }
}

const paths = (issues: ValidationIssue[]) => [...new Set(issues.map((i) => i.path))];

describe('validateEventData', () => {
  it('accepts every sample and returns an instance of the payload class', () => {
    for (const type of EVENT_TYPE_LIST) expect(issuesOf(type, sampleEventData(type))).toEqual([]);
    const routed = validateEventData(
      EventTypes.ComplaintRouted,
      sampleEventData(EventTypes.ComplaintRouted),
    );
    expect(routed).toBeInstanceOf(ComplaintRoutedPayload);
    expect(routed).toEqual(sampleEventData(EventTypes.ComplaintRouted));
  });

  it('refuses unknown properties at any depth, naming their path', () => {
    const routed = sampleEventData(EventTypes.ComplaintRouted);
    expect(issuesOf(EventTypes.ComplaintRouted, { ...routed, priority: 'high' })).toEqual([
      { path: 'priority', message: 'property priority should not exist' },
    ]);
    expect(
      issuesOf(EventTypes.ComplaintRouted, {
        ...routed,
        complaint: { ...routed.complaint, reporterEmail: 'rina@example.com' },
      }),
    ).toEqual([
      { path: 'complaint.reporterEmail', message: 'property reporterEmail should not exist' },
    ]);
    const submitted = sampleEventData(EventTypes.ComplaintSubmitted);
    expect(
      paths(
        issuesOf(EventTypes.ComplaintSubmitted, {
          ...submitted,
          attachments: [{ ...submitted.attachments[0], filename: 'KTP.jpg' }],
        }),
      ),
    ).toEqual(['attachments[0].filename']);
  });

  it('refuses a value outside an enumeration, naming the nested path and the allowed values', () => {
    const routed = sampleEventData(EventTypes.ComplaintRouted);
    const issues = issuesOf(EventTypes.ComplaintRouted, {
      ...routed,
      complaint: { ...routed.complaint, status: 'verified' },
    });
    expect(paths(issues)).toEqual(['complaint.status']);
    expect(issues[0].message).toContain('pending_verification');
  });

  it('says a required field is required, once, wherever it is missing', () => {
    const { title: _title, ...withoutTitle } = sampleEventData(EventTypes.ComplaintSubmitted);
    expect(issuesOf(EventTypes.ComplaintSubmitted, withoutTitle)).toEqual([
      { path: 'title', message: 'title is required' },
    ]);
    const sla = sampleEventData(EventTypes.SlaBreached);
    const { late: _late, ...withoutLate } = sla;
    expect(issuesOf(EventTypes.SlaBreached, withoutLate)).toEqual([
      { path: 'late', message: 'late is required' },
    ]);
    const routed = sampleEventData(EventTypes.ComplaintRouted);
    const { version: _version, ...snapshot } = routed.complaint;
    expect(issuesOf(EventTypes.ComplaintRouted, { ...routed, complaint: snapshot })).toEqual([
      { path: 'complaint.version', message: 'version is required' },
    ]);
  });

  it('tells nullable snapshot fields (present, maybe null) from optional ones (absent, never null)', () => {
    const routed = sampleEventData(EventTypes.ComplaintRouted);
    const confidential = { ...routed.complaint, body: null, closedAt: null };
    expect(issuesOf(EventTypes.ComplaintRouted, { ...routed, complaint: confidential })).toEqual(
      [],
    );
    const { body: _body, ...withoutBody } = routed.complaint;
    expect(
      paths(issuesOf(EventTypes.ComplaintRouted, { ...routed, complaint: withoutBody })),
    ).toEqual(['complaint.body']);
    const submitted = sampleEventData(EventTypes.ComplaintSubmitted);
    expect(
      paths(issuesOf(EventTypes.ComplaintSubmitted, { ...submitted, category: null })),
    ).toEqual(['category']);
    const { category: _category, ...withoutCategory } = submitted;
    expect(issuesOf(EventTypes.ComplaintSubmitted, withoutCategory)).toEqual([]);
  });

  it('requires the fields that other fields call for', () => {
    const routed = sampleEventData(EventTypes.ComplaintRouted);
    expect(issuesOf(EventTypes.ComplaintRouted, { ...routed, reason: 'rule' })).toEqual([
      { path: 'ruleId', message: 'ruleId is required' },
    ]);
    expect(
      issuesOf(EventTypes.ComplaintRouted, { ...routed, reason: 'rule', ruleId: 'jalan-nasional' }),
    ).toEqual([]);

    const { rating: _rating, ...closedWithoutRating } = sampleEventData(EventTypes.ComplaintClosed);
    expect(paths(issuesOf(EventTypes.ComplaintClosed, closedWithoutRating))).toEqual(['rating']);
    expect(
      issuesOf(EventTypes.ComplaintClosed, { ...closedWithoutRating, closedBy: 'auto_close' }),
    ).toEqual([]);

    const { clockId: _clockId, ...escalated } = sampleEventData(EventTypes.ComplaintEscalated);
    expect(paths(issuesOf(EventTypes.ComplaintEscalated, escalated))).toEqual(['clockId']);

    const { recipientAgency: _agency, ...delivered } = sampleEventData(
      EventTypes.NotificationDelivered,
    );
    expect(paths(issuesOf(EventTypes.NotificationDelivered, delivered))).toEqual([
      'recipientAgency',
    ]);

    const submitted = sampleEventData(EventTypes.ComplaintSubmitted);
    const { lon: _lon, ...latOnly } = submitted.location;
    expect(
      paths(issuesOf(EventTypes.ComplaintSubmitted, { ...submitted, location: latOnly })),
    ).toEqual(['location.lon']);
  });

  it('takes instants only with seconds and a zone, on real dates; occurredAt may be a date', () => {
    const replied = sampleEventData(EventTypes.ReporterReplied);
    for (const bad of [
      '2025-03-11',
      '2025-03-11T10:40:05',
      '2025-03-11T10:40+08:00',
      '2025-02-30T02:40:05Z',
      '2025-03-11 02:40:05Z',
      'yesterday',
    ]) {
      expect(paths(issuesOf(EventTypes.ReporterReplied, { ...replied, repliedAt: bad }))).toEqual([
        'repliedAt',
      ]);
    }
    for (const good of ['2025-03-11T02:40:05Z', '2025-03-11T10:40:05.918+08:00']) {
      expect(issuesOf(EventTypes.ReporterReplied, { ...replied, repliedAt: good })).toEqual([]);
    }
    const submitted = sampleEventData(EventTypes.ComplaintSubmitted);
    expect(
      issuesOf(EventTypes.ComplaintSubmitted, { ...submitted, occurredAt: '2025-02-24' }),
    ).toEqual([]);
    expect(
      paths(issuesOf(EventTypes.ComplaintSubmitted, { ...submitted, occurredAt: '2025-02-29' })),
    ).toEqual(['occurredAt']);
  });

  it('bounds text and arrays', () => {
    const submitted = sampleEventData(EventTypes.ComplaintSubmitted);
    expect(
      paths(issuesOf(EventTypes.ComplaintSubmitted, { ...submitted, title: 'x'.repeat(201) })),
    ).toEqual(['title']);
    expect(paths(issuesOf(EventTypes.ComplaintSubmitted, { ...submitted, body: '   ' }))).toEqual([
      'body',
    ]);
    const attachments = Array.from({ length: 11 }, () => submitted.attachments[0]);
    expect(paths(issuesOf(EventTypes.ComplaintSubmitted, { ...submitted, attachments }))).toEqual([
      'attachments',
    ]);
  });

  it('refuses a raw email address or phone number as a notification target', () => {
    const failed = sampleEventData(EventTypes.NotificationFailed);
    expect(
      paths(issuesOf(EventTypes.NotificationFailed, { ...failed, target: '+6281254710093' })),
    ).toEqual(['target']);
    expect(
      paths(
        issuesOf(EventTypes.NotificationFailed, {
          ...failed,
          channel: 'email',
          target: 'rina.wulandari@example.com',
        }),
      ),
    ).toEqual(['target']);
    expect(
      issuesOf(EventTypes.NotificationFailed, {
        ...failed,
        channel: 'email',
        target: 'r***@example.com',
      }),
    ).toEqual([]);
  });

  it('refuses non-objects and keys that would reach a prototype', () => {
    for (const data of [null, 'x', 42, [sampleEventData(EventTypes.SlaMet)]]) {
      expect(issuesOf(EventTypes.SlaMet, data)).toEqual([
        { path: '', message: 'data must be a JSON object' },
      ]);
    }
    const polluted = JSON.parse(
      `{"__proto__": {"admin": true}, ${JSON.stringify(sampleEventData(EventTypes.SlaMet)).slice(1)}`,
    );
    expect(paths(issuesOf(EventTypes.SlaMet, polluted))).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses an unknown event type', () => {
    expect(issuesOf('salur.complaint.deleted.v1' as EventType, {})[0].message).toContain(
      'unknown event type',
    );
  });

  it('throws a non-retriable EventValidationError whose message lists the paths', () => {
    const routed = sampleEventData(EventTypes.ComplaintRouted);
    const attempt = () =>
      validateEventData(EventTypes.ComplaintRouted, {
        ...routed,
        complaint: { ...routed.complaint, status: 'open' },
      });
    expect(attempt).toThrow(EventValidationError);
    expect(attempt).toThrow(/salur\.complaint\.routed\.v1 data is invalid: complaint\.status: /);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ name: 'EventValidationError', retriable: false });
    }
  });

  it('either accepts or throws EventValidationError for any input, never anything else', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EVENT_TYPE_LIST),
        fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.jsonValue())),
        (type, data) => {
          expect(() => {
            try {
              validateEventData(type, data);
            } catch (error) {
              if (!(error instanceof EventValidationError)) throw error;
            }
          }).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('validateEnvelope', () => {
  const valid = () => sampleEvent(EventTypes.ComplaintRouted);

  it('accepts a sample envelope, with or without data and optional attributes', () => {
    expect(envelopeIssuesOf(valid())).toEqual([]);
    const { data: _data, agency: _agency, region: _region, traceparent: _tp, ...bare } = valid();
    expect(envelopeIssuesOf(bare)).toEqual([]);
  });

  it('allows unknown extension attributes, as CloudEvents requires', () => {
    expect(envelopeIssuesOf({ ...valid(), partitionkey: 'x' })).toEqual([]);
  });

  it.each([
    ['specversion', '0.3'],
    ['id', '42'],
    ['source', 'salur/routing'],
    ['source', '/salur/rout ing'],
    ['type', 'salur.complaint.deleted.v1'],
    ['time', '2025-03-10'],
    ['subject', ''],
    ['subject', '   '],
    ['datacontenttype', 'text/plain'],
    ['agency', 'Pemkot Balikpapan'],
    ['agency', ''],
    ['region', '64.7'],
    ['traceparent', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
  ])('refuses %s = %j, naming it', (attribute, value) => {
    expect(paths(envelopeIssuesOf({ ...valid(), [attribute]: value }))).toEqual([attribute]);
  });

  it('refuses a missing required attribute and a non-object', () => {
    const { time: _time, ...withoutTime } = valid();
    expect(paths(envelopeIssuesOf(withoutTime))).toEqual(['time']);
    expect(envelopeIssuesOf('event')).toEqual([
      { path: '', message: 'the envelope must be an object' },
    ]);
  });
});

describe('validateEvent', () => {
  it('accepts every sample event and returns its data as a class instance', () => {
    for (const type of EVENT_TYPE_LIST)
      expect(envelopeIssuesOf(sampleEvent(type), validateEvent)).toEqual([]);
    const event = validateEvent(sampleEvent(EventTypes.ComplaintRouted));
    expect(event.data).toBeInstanceOf(ComplaintRoutedPayload);
  });

  it('refuses attributes that disagree with the data', () => {
    const routed = sampleEvent(EventTypes.ComplaintRouted);
    expect(
      paths(
        envelopeIssuesOf(
          { ...routed, subject: sampleEvent(EventTypes.ComplaintEscalated).subject },
          validateEvent,
        ),
      ),
    ).toEqual(['subject']);
    expect(paths(envelopeIssuesOf({ ...routed, agency: 'pemda-64' }, validateEvent))).toEqual([
      'agency',
    ]);
    const { agency: _agency, ...withoutAgency } = routed;
    expect(paths(envelopeIssuesOf(withoutAgency, validateEvent))).toEqual(['agency']);
    expect(paths(envelopeIssuesOf({ ...routed, region: '64.71' }, validateEvent))).toEqual([
      'region',
    ]);
    // Not yet routed: a submission has no current agency, whatever the reporter wished for.
    const submitted = sampleEvent(EventTypes.ComplaintSubmitted);
    expect(paths(envelopeIssuesOf({ ...submitted, agency: 'pemda-64.71' }, validateEvent))).toEqual(
      ['agency'],
    );
  });

  it('narrows data by type', () => {
    const event = validateEvent(sampleEvent(EventTypes.SlaBreached));
    if (event.type !== EventTypes.SlaBreached) throw new Error('wrong type');
    expect(event.data.breachedAt).toBe(event.data.dueAt);
  });
});
