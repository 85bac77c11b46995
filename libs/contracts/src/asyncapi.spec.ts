import { Parser, type AsyncAPIDocumentInterface } from '@asyncapi/parser';
import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AGENCY_CODE_PATTERN,
  deadLetterTopic,
  describePayloadClass,
  EVENT_TYPE_LIST,
  EventCatalogue,
  eventTypesOf,
  isInstant,
  MASKED_TARGET_PATTERNS,
  REGION_CODE_PATTERN,
  retryTopic,
  sampleEvent,
  sampleEventData,
  Topics,
  validateEventData,
  type EventType,
  type PayloadField,
  type TopicName,
} from '.';

/** The AsyncAPI document lives with the other docs, where integrators look for it. */
const DOCUMENT_PATH = join(__dirname, '..', '..', '..', 'docs', 'asyncapi.yaml');

/** The parts of JSON Schema these tests read. */
interface JsonSchema {
  type?: string | string[];
  properties?: Partial<Record<string, JsonSchema>>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  const?: unknown;
  pattern?: string;
  format?: string;
  [keyword: string]: unknown;
}

let document: AsyncAPIDocumentInterface;
let diagnostics: { severity: number; code: string | number; message: string }[];

beforeAll(async () => {
  const parsed = await new Parser().parse(readFileSync(DOCUMENT_PATH, 'utf8'));
  diagnostics = parsed.diagnostics;
  if (!parsed.document) throw new Error(JSON.stringify(parsed.diagnostics, null, 2));
  document = parsed.document;
});

function messageOf(type: EventType) {
  const message = document
    .messages()
    .all()
    .find((m) => m.name() === type);
  if (!message) throw new Error(`no message named ${type}`);
  return message;
}

const payloadSchema = (type: EventType): JsonSchema => messageOf(type).payload()!.json();
const headersSchema = (type: EventType): JsonSchema => messageOf(type).headers()!.json();

/** JSON Schema validation with ajv (the validator @asyncapi/parser itself depends on). */
const ajv = new Ajv({
  strict: true,
  // `then: { required: [ruleId] }` names a property declared beside the if, not inside it.
  strictRequired: false,
  allErrors: true,
  allowUnionTypes: true,
});
ajv.addKeyword('x-parser-schema-id');
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
ajv.addFormat('date-time', { type: 'string', validate: (value: string) => isInstant(value) });
ajv.addFormat('date', {
  type: 'string',
  validate: (value: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
});
ajv.addFormat('uri', {
  type: 'string',
  validate: (value: string) => URL.canParse(value),
});
ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);

const compiled = new Map<JsonSchema, ValidateFunction>();
function schemaErrors(schema: JsonSchema, value: unknown): string[] {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate(value)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

function classErrors(type: EventType, value: unknown): string[] {
  try {
    validateEventData(type, value);
    return [];
  } catch (error) {
    return (error as { issues: { path: string; message: string }[] }).issues.map(
      (i) => `${i.path}: ${i.message}`,
    );
  }
}

/** Kafka headers of an event, as the codec writes them. */
function kafkaHeaders(type: EventType): Record<string, string> {
  const e = sampleEvent(type);
  return {
    ce_specversion: e.specversion,
    ce_id: e.id,
    ce_source: e.source,
    ce_type: e.type,
    ce_time: e.time,
    ce_subject: e.subject,
    'content-type': e.datacontenttype,
    ...(e.traceparent !== undefined ? { traceparent: e.traceparent } : {}),
    ...(e.agency !== undefined ? { ce_agency: e.agency } : {}),
    ...(e.region !== undefined ? { ce_region: e.region } : {}),
  };
}

/** `allOf: [X]` wraps a $ref to give it a description; `anyOf: [X, {type: null}]` makes it nullable. */
function unwrap(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1) return unwrap(schema.allOf[0]);
  if (Array.isArray(schema.anyOf)) {
    const others = schema.anyOf.filter((s: JsonSchema) => s.type !== 'null');
    if (others.length === 1 && others.length < schema.anyOf.length) {
      return { schema: unwrap(others[0]).schema, nullable: true };
    }
  }
  return {
    schema,
    nullable: Array.isArray(schema.type) && schema.type.includes('null'),
  };
}

/** Differences between a payload class's fields and an object schema, recursively. */
function differences(fields: readonly PayloadField[], schema: JsonSchema, at: string): string[] {
  const problems: string[] = [];
  const properties = schema.properties ?? {};
  const required = new Set<string>(schema.required ?? []);
  if (schema.additionalProperties !== false) problems.push(`${at}: additionalProperties not false`);
  const names = new Set(fields.map((f) => f.name));
  for (const name of Object.keys(properties)) {
    if (!names.has(name)) problems.push(`${at}${name}: in the schema, not in the class`);
  }
  for (const field of fields) {
    const path = `${at}${field.name}`;
    const property = properties[field.name];
    if (!property) {
      problems.push(`${path}: in the class, not in the schema`);
      continue;
    }
    if (required.has(field.name) === field.optional) {
      problems.push(`${path}: ${field.optional ? 'optional' : 'required'} in the class only`);
    }
    const { schema: inner, nullable } = unwrap(property);
    if (nullable !== field.nullable) {
      problems.push(`${path}: ${field.nullable ? 'nullable' : 'not nullable'} in the class only`);
    }
    if (field.nested) {
      const objectSchema = field.nested.array ? unwrap(inner.items ?? {}).schema : inner;
      if (field.nested.array && inner.type !== 'array') problems.push(`${path}: not an array`);
      problems.push(...differences(field.nested.fields, objectSchema, `${path}.`));
    } else if (inner.type === 'object' || inner.properties) {
      problems.push(`${path}: an object in the schema, a scalar in the class`);
    }
  }
  return problems;
}

/** Every property name anywhere in a schema. */
function propertyNames(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    for (const item of schema) propertyNames(item, into);
  } else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && typeof value === 'object' && value !== null) {
        for (const name of Object.keys(value)) into.add(name);
      }
      propertyNames(value, into);
    }
  }
  return into;
}

const REPORTER_IDENTITY = ['reporter', 'name', 'email', 'phone', 'nationalId'];
const AGENCY_FACING: TopicName[] = [Topics.complaints, Topics.sla, Topics.notifications];

describe('the AsyncAPI document', () => {
  it('is a valid AsyncAPI 3.0 document: no errors or warnings from the parser', () => {
    expect(document.version()).toBe('3.0.0');
    // 0 = error, 1 = warning; information (e.g. "3.1.0 exists") and hints are fine.
    expect(diagnostics.filter((d) => d.severity <= 1)).toEqual([]);
  });

  it('has one channel per topic, carrying exactly the catalogue types of that topic', () => {
    for (const topic of Object.values(Topics)) {
      const channels = document
        .channels()
        .all()
        .filter((c) => c.address() === topic);
      expect(channels).toHaveLength(1);
      const names = channels[0]
        .messages()
        .all()
        .map((m) => m.name());
      expect(names.sort()).toEqual([...eventTypesOf(topic)].sort());
    }
  });

  it('describes no event type the catalogue lacks, and names each producer as the catalogue does', () => {
    const eventMessages = document
      .messages()
      .all()
      .filter((m) => m.name()?.startsWith('salur.'));
    expect(eventMessages.map((m) => m.name()).sort()).toEqual([...EVENT_TYPE_LIST].sort());
    for (const message of eventMessages) {
      const type = message.name() as EventType;
      expect({ type, producer: message.json()['x-salur-producer'] }).toEqual({
        type,
        producer: EventCatalogue[type].producer,
      });
    }
  });

  it('keys every event by complaint id and requires the CloudEvents headers', () => {
    for (const type of EVENT_TYPE_LIST) {
      const kafka = messageOf(type).bindings().get('kafka')?.value();
      expect(kafka?.key).toMatchObject({ type: 'string', format: 'uuid' });
      const headers = headersSchema(type);
      const [common, own] = headers.allOf ?? [];
      expect(common.required).toEqual(
        expect.arrayContaining([
          'ce_specversion',
          'ce_id',
          'ce_source',
          'ce_type',
          'ce_time',
          'ce_subject',
          'content-type',
        ]),
      );
      expect(Object.keys(common.properties ?? {})).toEqual(
        expect.arrayContaining(['traceparent', 'ce_agency', 'ce_region']),
      );
      expect(own.properties?.ce_type?.const).toBe(type);
    }
  });

  it('names the retry and dead-letter topics as the consumers create them', () => {
    const addresses = document
      .channels()
      .all()
      .map((c) => c.address());
    expect(addresses).toContain(retryTopic('{topic}', '{group}'));
    expect(addresses).toContain(deadLetterTopic('{topic}', '{group}'));
  });

  it('uses the same code patterns as the validators', () => {
    const schemas = document.components().schemas();
    expect(schemas.get('RegionCode')?.pattern()).toBe(REGION_CODE_PATTERN.source);
    expect(schemas.get('AgencyCode')?.pattern()).toBe(AGENCY_CODE_PATTERN.source);
    const rules = payloadSchema('salur.notification.delivered.v1').allOf as JsonSchema[];
    for (const [channel, pattern] of Object.entries(MASKED_TARGET_PATTERNS)) {
      const rule = rules.find((r) => r.if?.properties?.channel?.const === channel);
      expect(rule?.then?.properties?.target?.pattern).toBe(pattern.source);
    }
  });

  describe.each(EVENT_TYPE_LIST)('%s', (type) => {
    it('has the payload schema of its class: same fields, required, nullable and nested', () => {
      const fields = describePayloadClass(EventCatalogue[type].dataClass);
      expect(differences(fields, payloadSchema(type), '')).toEqual([]);
    });

    it('shows the sample event as its example, and the sample fits the class and the schema', () => {
      const examples = messageOf(type).examples().all();
      expect(examples).toHaveLength(1);
      expect(examples[0].payload()).toEqual(sampleEventData(type));
      expect(examples[0].headers()).toEqual(kafkaHeaders(type));
      expect(classErrors(type, sampleEventData(type))).toEqual([]);
      expect(schemaErrors(payloadSchema(type), sampleEventData(type))).toEqual([]);
      expect(schemaErrors(headersSchema(type), kafkaHeaders(type))).toEqual([]);
    });

    it('is refused by class and schema alike without a required field or with an unknown one', () => {
      const sample = sampleEventData(type) as Record<string, unknown>;
      const schema = payloadSchema(type);
      const mutations: Record<string, unknown>[] = [{ ...sample, unexpected: true }];
      for (const field of schema.required as string[]) {
        const { [field]: _removed, ...rest } = sample;
        mutations.push(rest);
      }
      const nested = Object.keys(sample).find(
        (k) => typeof sample[k] === 'object' && sample[k] !== null && !Array.isArray(sample[k]),
      );
      if (nested) {
        mutations.push({ ...sample, [nested]: { ...(sample[nested] as object), unexpected: 1 } });
      }
      for (const mutated of mutations) {
        expect(classErrors(type, mutated)).not.toEqual([]);
        expect(schemaErrors(schema, mutated)).not.toEqual([]);
      }
    });
  });

  it('has no reporter identity anywhere in an agency-facing payload schema', () => {
    for (const topic of AGENCY_FACING) {
      for (const type of eventTypesOf(topic)) {
        const names = propertyNames(payloadSchema(type));
        expect({ type, found: REPORTER_IDENTITY.filter((n) => names.has(n)) }).toEqual({
          type,
          found: [],
        });
      }
    }
    // The walk does find identity where it belongs: the internal intake topic.
    expect([...propertyNames(payloadSchema('salur.complaint.submitted.v1'))]).toEqual(
      expect.arrayContaining(REPORTER_IDENTITY),
    );
  });

  it('declares salur.intake.v1 internal and the other topics agency-facing', () => {
    const tags = (address: string) =>
      document
        .channels()
        .all()
        .find((c) => c.address() === address)
        ?.json<{ tags?: { name: string }[] }>()
        .tags?.map((tag) => tag.name);
    expect(tags(Topics.intake)).toEqual(['internal']);
    for (const topic of AGENCY_FACING) expect(tags(topic)).toEqual(['agency-facing']);
  });
});
