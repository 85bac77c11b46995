import { randomBytes } from 'node:crypto';

/**
 * A name no other test run or test will use, for topics, consumer groups and the like:
 * `<prefix>-<time>-<random>` (letters, digits and dashes, valid as a Kafka topic name).
 */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

const MAX_IDENTIFIER_LENGTH = 63;

/**
 * A unique PostgreSQL database name from `prefix`: lower case letters, digits and underscores,
 * within PostgreSQL's 63-character identifier limit, so it needs no quoting anywhere.
 */
export function uniqueDatabaseName(prefix: string): string {
  const suffix = `_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const cleaned = prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const start = /^[a-z]/.test(cleaned) ? cleaned : `db_${cleaned}`;
  return start.slice(0, MAX_IDENTIFIER_LENGTH - suffix.length).replace(/_+$/, '') + suffix;
}
