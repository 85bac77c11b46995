export * from './envelope';
export * from './topics';
export * from './vocabulary';
export * from './codes';
export * from './masking';
export * from './event-types';
export {
  describePayloadClass,
  isDateOrInstant,
  isInstant,
  isIsoDuration,
  ISO_DURATION_PATTERN,
  type PayloadClass,
  type PayloadField,
  type PlainData,
} from './payloads/field-decorators';
export { instanceWith, plainObject, validArray, type PlainObject } from './payloads/plain-object';
export * from './payloads/common';
export * from './payloads/intake.payloads';
export * from './payloads/complaints.payloads';
export * from './payloads/sla.payloads';
export * from './payloads/notifications.payloads';
export * from './catalogue';
export * from './validation';
export * from './events';
export * from './samples';
