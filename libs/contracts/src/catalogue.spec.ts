import {
  describePayloadClass,
  envelopeAttributesOf,
  EVENT_TYPE_LIST,
  EventCatalogue,
  EventTypes,
  eventTypesOf,
  isEventType,
  sampleEvent,
  sampleEventData,
  topicOf,
  Topics,
  validateEvent,
  type PayloadClass,
  type PayloadField,
} from '.';

const REPORTER_IDENTITY = ['reporter', 'name', 'email', 'phone', 'nationalId'];

/** Every field name of a payload class, nested ones as `parent.child`. */
function fieldPaths(fields: readonly PayloadField[], prefix = ''): string[] {
  return fields.flatMap((field) => [
    `${prefix}${field.name}`,
    ...(field.nested ? fieldPaths(field.nested.fields, `${prefix}${field.name}.`) : []),
  ]);
}
const leafNames = (cls: PayloadClass) =>
  fieldPaths(describePayloadClass(cls)).map((path) => path.split('.').at(-1)!);

describe('the event catalogue', () => {
  it('lists every event type once, under its own key', () => {
    expect(Object.keys(EventCatalogue).sort()).toEqual([...EVENT_TYPE_LIST].sort());
    expect(new Set(EVENT_TYPE_LIST).size).toBe(EVENT_TYPE_LIST.length);
    for (const type of EVENT_TYPE_LIST) expect(EventCatalogue[type].type).toBe(type);
  });

  it('puts each type on the topic of DESIGN.md, published by that topic’s one producer', () => {
    const producers = {
      intake: 'intake',
      complaints: 'routing',
      sla: 'sla',
      notifications: 'notification',
    } as const;
    for (const [key, topic] of Object.entries(Topics) as [keyof typeof Topics, string][]) {
      for (const type of eventTypesOf(topic as (typeof Topics)[typeof key])) {
        expect(topicOf(type)).toBe(topic);
        expect(EventCatalogue[type].producer).toBe(producers[key]);
      }
    }
    expect(eventTypesOf(Topics.intake)).toEqual([
      'salur.complaint.submitted.v1',
      'salur.complaint.reporter-replied.v1',
      'salur.complaint.reporter-confirmed.v1',
      'salur.complaint.reporter-reopened.v1',
    ]);
    expect(eventTypesOf(Topics.complaints)).toHaveLength(12);
    expect(
      eventTypesOf(Topics.complaints).every((t) => /^salur\.complaint\.[a-z-]+\.v1$/.test(t)),
    ).toBe(true);
    expect(eventTypesOf(Topics.sla)).toHaveLength(8);
    expect(eventTypesOf(Topics.sla).every((t) => t.startsWith('salur.sla.'))).toBe(true);
    expect(eventTypesOf(Topics.notifications)).toEqual([
      'salur.notification.delivered.v1',
      'salur.notification.failed.v1',
    ]);
    const all = Object.values(Topics).flatMap((topic) => eventTypesOf(topic));
    expect(all.sort()).toEqual([...EVENT_TYPE_LIST].sort());
  });

  it('recognises event types, and nothing else', () => {
    expect(isEventType(EventTypes.ComplaintRouted)).toBe(true);
    expect(isEventType('salur.complaint.routed.v2')).toBe(false);
    expect(isEventType('toString')).toBe(false);
    expect(isEventType(undefined)).toBe(false);
    expect(() => topicOf('salur.complaint.deleted.v1' as never)).toThrow(RangeError);
  });

  it('gives agency-facing payloads no reporter identity field, at any depth', () => {
    for (const topic of [Topics.complaints, Topics.sla, Topics.notifications]) {
      for (const type of eventTypesOf(topic)) {
        const found = leafNames(EventCatalogue[type].dataClass).filter((n) =>
          REPORTER_IDENTITY.includes(n),
        );
        expect({ type, found }).toEqual({ type, found: [] });
      }
    }
    // The walk sees nested fields: the internal submission does carry the reporter.
    expect(
      fieldPaths(describePayloadClass(EventCatalogue[EventTypes.ComplaintSubmitted].dataClass)),
    ).toEqual(
      expect.arrayContaining([
        'reporter',
        'reporter.name',
        'reporter.email',
        'reporter.phone',
        'reporter.nationalId',
      ]),
    );
  });

  it('carries the full complaint snapshot on every complaints-topic event', () => {
    const snapshotFields = [
      'complaintId',
      'trackingId',
      'status',
      'agency',
      'agencyLevel',
      'regionCode',
      'category',
      'type',
      'privacy',
      'channel',
      'title',
      'body',
      'submittedAt',
      'updatedAt',
      'verifiedAt',
      'respondedAt',
      'closedAt',
      'version',
      'previousAgencies',
    ];
    for (const type of eventTypesOf(Topics.complaints)) {
      const complaint = describePayloadClass(EventCatalogue[type].dataClass).find(
        (f) => f.name === 'complaint',
      );
      expect(complaint?.optional).toBe(false);
      const fields = complaint?.nested?.fields ?? [];
      expect(fields.map((f) => f.name).sort()).toEqual([...snapshotFields].sort());
      expect(fields.every((f) => !f.optional)).toBe(true);
    }
  });
});

describe('samples', () => {
  it('are fresh copies: changing one does not change the next', () => {
    const first = sampleEventData(EventTypes.ComplaintRouted) as { complaint: { status: string } };
    first.complaint.status = 'closed';
    expect(sampleEventData(EventTypes.ComplaintRouted).complaint.status).toBe('awaiting_follow_up');
  });

  it('come in envelopes that validate, from the producing service, with distinct ids', () => {
    const ids = new Set<string>();
    for (const type of EVENT_TYPE_LIST) {
      const event = validateEvent(sampleEvent(type));
      expect(event.source).toBe(`/salur/${EventCatalogue[type].producer}`);
      ids.add(event.id);
    }
    expect(ids.size).toBe(EVENT_TYPE_LIST.length);
    expect(sampleEvent(EventTypes.SlaMet, { id: '3b241101-e2bb-4255-8caf-4136c566a962' }).id).toBe(
      '3b241101-e2bb-4255-8caf-4136c566a962',
    );
  });

  it('tell a consistent story: snapshots move forward in time and version', () => {
    for (const type of eventTypesOf(Topics.complaints)) {
      const { complaint } = sampleEventData(type);
      expect(Date.parse(complaint.updatedAt)).toBeGreaterThanOrEqual(
        Date.parse(complaint.submittedAt),
      );
      expect(complaint.agency === null).toBe(complaint.agencyLevel === null);
      expect(complaint.body === null).toBe(complaint.privacy === 'confidential');
      expect(complaint.version).toBeGreaterThan(1);
    }
    for (const type of eventTypesOf(Topics.sla)) {
      const clock = sampleEventData(type);
      expect(Date.parse(clock.dueAt)).toBeGreaterThan(Date.parse(clock.startedAt));
    }
  });
});

describe('envelopeAttributesOf', () => {
  it('derives subject, agency and region from the data', () => {
    expect(
      envelopeAttributesOf(EventTypes.ComplaintRouted, sampleEventData(EventTypes.ComplaintRouted)),
    ).toEqual({
      subject: '0b6f8e1a-3c2d-4f5e-9a7b-1c2d3e4f5a6b',
      agency: 'pemda-64.71',
      region: '64.71.06.1003',
    });
    // Escalated: the new agency, which agency consumers filter on.
    expect(
      envelopeAttributesOf(
        EventTypes.ComplaintEscalated,
        sampleEventData(EventTypes.ComplaintEscalated),
      ).agency,
    ).toBe('pemda-64');
    // Not yet routed: no agency.
    expect(
      envelopeAttributesOf(
        EventTypes.ComplaintSubmitted,
        sampleEventData(EventTypes.ComplaintSubmitted),
      ),
    ).toEqual({ subject: '0b6f8e1a-3c2d-4f5e-9a7b-1c2d3e4f5a6b', region: '64.71.06.1003' });
    expect(
      envelopeAttributesOf(
        EventTypes.NotificationFailed,
        sampleEventData(EventTypes.NotificationFailed),
      ),
    ).toEqual({ subject: '0b6f8e1a-3c2d-4f5e-9a7b-1c2d3e4f5a6b' });
  });
});
