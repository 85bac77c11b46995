import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  buildMessage,
  getMetadataStorage,
  isISO8601,
  isRFC3339,
} from 'class-validator';
import {
  AGENCY_CODE_MAX_LENGTH,
  CATEGORY_MAX_LENGTH,
  CATEGORY_PATTERN,
  isAgencyCode,
  isRegionCode,
  TRACKING_ID_PATTERN,
} from '../codes';

/**
 * Decorators shared by the payload classes. Besides validating, `Optional`, `Nullable` and `Nested`
 * record what they declare, so {@link describePayloadClass} can list a class's fields (the tests
 * compare that list with the JSON Schemas of the AsyncAPI document).
 */

/** A payload class: fields only, constructible without arguments by class-transformer. */
export type PayloadClass<T extends object = object> = new () => T;

/**
 * The plain JSON shape of a payload class, read-only all the way down. Producers build these as
 * object literals and consumers read them; the classes are only the validators behind them (an
 * object literal typed as a class is what `no-unsafe-class-instance-assignment` forbids).
 */
export type PlainData<T> = T extends readonly (infer Item)[]
  ? readonly PlainData<Item>[]
  : T extends object
    ? { readonly [K in keyof T]: PlainData<T[K]> }
    : T;

interface FieldTraits {
  optional: boolean;
  nullable: boolean;
  nested?: { type: () => PayloadClass; each: boolean };
}

const traitsByPrototype = new WeakMap<object, Map<string, FieldTraits>>();

function traitsOf(prototype: object, field: string): FieldTraits {
  let fields = traitsByPrototype.get(prototype);
  if (!fields) {
    fields = new Map();
    traitsByPrototype.set(prototype, fields);
  }
  let traits = fields.get(field);
  if (!traits) {
    traits = { optional: false, nullable: false };
    fields.set(field, traits);
  }
  return traits;
}

function compose(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}

function fieldValue(object: object, key: string | symbol): unknown {
  return (object as Record<string | symbol, unknown>)[key];
}

/**
 * May be absent; when present it must be valid, and `null` is not a value. (class-validator's
 * `IsOptional` would also let `null` through, which the JSON Schema refuses.)
 */
export function Optional(): PropertyDecorator {
  return (target, key) => {
    traitsOf(target, String(key)).optional = true;
    ValidateIf((object: object) => fieldValue(object, key) !== undefined)(target, key);
  };
}

/**
 * Absent unless `condition` holds, in which case it is required: e.g. `ruleId` when the routing
 * reason is `rule`. Present without the condition, it is still validated.
 */
export function RequiredWhen(
  condition: (object: Readonly<Record<string, unknown>>) => boolean,
): PropertyDecorator {
  return (target, key) => {
    traitsOf(target, String(key)).optional = true;
    ValidateIf(
      (object: object) =>
        condition(object as Record<string, unknown>) || fieldValue(object, key) !== undefined,
    )(target, key);
  };
}

/** Always present; `null` when there is no value (a snapshot field not yet set, say). */
export function Nullable(): PropertyDecorator {
  return (target, key) => {
    traitsOf(target, String(key)).nullable = true;
    ValidateIf((object: object) => fieldValue(object, key) !== null)(target, key);
  };
}

/** A nested payload object, or with `each` an array of them, validated recursively. */
export function Nested(
  type: () => PayloadClass,
  options: { each?: boolean } = {},
): PropertyDecorator {
  const each = options.each ?? false;
  return compose(
    (target, key) => {
      traitsOf(target, String(key)).nested = { type, each };
    },
    each ? IsArray() : IsObject(),
    ValidateNested({ each }),
    Type(type),
  );
}

/** A bounded array of nested payload objects. */
export function NestedList(type: () => PayloadClass, maxItems: number): PropertyDecorator {
  return compose(Nested(type, { each: true }), ArrayMaxSize(maxItems));
}

/** Non-blank text of at most `maxLength` characters. */
export function Text(maxLength: number): PropertyDecorator {
  return compose(
    IsString(),
    MinLength(1),
    MaxLength(maxLength),
    Matches(/\S/, { message: '$property must not be blank' }),
  );
}

/**
 * An instant: a strict ISO 8601 date-time (real calendar date, `T` separator) that is also RFC 3339,
 * so it has seconds and a zone, e.g. `2025-03-10T01:15:42.120Z` or `2025-03-10T09:15:42+08:00`.
 */
export function isInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    isISO8601(value, { strict: true, strictSeparator: true }) &&
    isRFC3339(value)
  );
}

/** A calendar date `2025-03-08` (strict: a real date) or an instant. */
export function isDateOrInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    ((/^\d{4}-\d{2}-\d{2}$/.test(value) && isISO8601(value, { strict: true })) || isInstant(value))
  );
}

export function Instant(): PropertyDecorator {
  return ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value: unknown) => isInstant(value),
      defaultMessage: () =>
        '$property must be an ISO 8601 instant with seconds and a zone, e.g. 2025-03-10T01:15:42Z',
    },
  });
}

export function DateOrInstant(): PropertyDecorator {
  return ValidateBy({
    name: 'isDateOrInstant',
    validator: {
      validate: (value: unknown) => isDateOrInstant(value),
      defaultMessage: () =>
        '$property must be an ISO 8601 date (2025-03-08) or instant (2025-03-08T07:30:00+08:00)',
    },
  });
}

/** ISO 8601 duration such as `P3D`, `PT4H30M`, `P1DT2H`. */
export const ISO_DURATION_PATTERN =
  /^P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;

export function isIsoDuration(value: unknown): value is string {
  return typeof value === 'string' && ISO_DURATION_PATTERN.test(value);
}

export function IsoDuration(): PropertyDecorator {
  return ValidateBy({
    name: 'isIsoDuration',
    validator: {
      validate: (value: unknown) => isIsoDuration(value),
      defaultMessage: () => '$property must be an ISO 8601 duration, e.g. PT4H30M',
    },
  });
}

export function RegionCode(): PropertyDecorator {
  return ValidateBy({
    name: 'isRegionCode',
    validator: {
      validate: (value: unknown) => isRegionCode(value),
      defaultMessage: () =>
        '$property must be a Kemendagri region code such as 64, 64.71, 64.71.06 or 64.71.06.1003',
    },
  });
}

export function AgencyCode(options: { each?: boolean } = {}): PropertyDecorator {
  const validationOptions = { each: options.each ?? false };
  return ValidateBy(
    {
      name: 'isAgencyCode',
      validator: {
        validate: (value: unknown) => isAgencyCode(value),
        defaultMessage: buildMessage(
          (eachPrefix) =>
            `${eachPrefix}$property must be an agency code (pemda-64, pemda-64.71, kl-<slug>, lapor-pusat; at most ${AGENCY_CODE_MAX_LENGTH} characters)`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}

/** A tracking id, shaped as {@link TRACKING_ID_PATTERN} says. */
export function TrackingId(): PropertyDecorator {
  return (target, key) => {
    Matches(TRACKING_ID_PATTERN, {
      message: '$property must be 4–40 letters, digits or hyphens',
    })(target, key);
  };
}

export function CategoryCode(): PropertyDecorator {
  return (target, key) => {
    Matches(CATEGORY_PATTERN, {
      message: '$property must be a category code such as air-bersih',
    })(target, key);
    MaxLength(CATEGORY_MAX_LENGTH)(target, key);
  };
}

/** One field of a payload class, as {@link describePayloadClass} reports it. */
export interface PayloadField {
  readonly name: string;
  /** May be absent (always, or unless a condition on other fields holds). */
  readonly optional: boolean;
  /** Present but possibly `null`. */
  readonly nullable: boolean;
  /** For a nested object (or with `array`, a list of them): that object's fields. */
  readonly nested?: {
    readonly className: string;
    readonly array: boolean;
    readonly fields: readonly PayloadField[];
  };
}

function traitsInHierarchy(cls: PayloadClass, field: string): FieldTraits | undefined {
  for (
    let prototype: unknown = cls.prototype;
    typeof prototype === 'object' && prototype !== null && prototype !== Object.prototype;
    prototype = Object.getPrototypeOf(prototype)
  ) {
    const traits = traitsByPrototype.get(prototype)?.get(field);
    if (traits) return traits;
  }
  return undefined;
}

/** The fields of a payload class (inherited ones included), recursively through nested objects. */
export function describePayloadClass(cls: PayloadClass): PayloadField[] {
  const names = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(cls, '', true, false)
      .map((metadata) => metadata.propertyName),
  );
  return [...names].map((name) => {
    const traits = traitsInHierarchy(cls, name);
    const nested = traits?.nested;
    const nestedClass = nested?.type();
    return {
      name,
      optional: traits?.optional ?? false,
      nullable: traits?.nullable ?? false,
      ...(nested && nestedClass
        ? {
            nested: {
              className: nestedClass.name,
              array: nested.each,
              fields: describePayloadClass(nestedClass),
            },
          }
        : {}),
    };
  });
}
