/**
 * Errors that mean "a dependency is down or overloaded right now", not "this request is wrong" or
 * "this code is broken": the answer is 503 with Retry-After, so clients retry instead of reporting
 * a bug. Recognised without importing the drivers, by the codes they attach.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 53 (insufficient resources, e.g. too many
 * connections), 57P01–57P03 (server shutting down, crashed, or not yet accepting connections).
 */
function isTransientSqlState(code: string): boolean {
  return /^(08|53)[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code);
}

/** node-postgres raises these without a code when the pool or a socket gives up. */
const PG_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /Connection terminated unexpectedly/i,
];

export function isTransientInfrastructureError(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || isTransientSqlState(code))) {
    return true;
  }
  if (PG_MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  // TypeORM wraps the driver's error in QueryFailedError.driverError.
  const driverError = (error as { driverError?: unknown }).driverError;
  return (
    isTransientInfrastructureError(driverError, depth + 1) ||
    isTransientInfrastructureError(error.cause, depth + 1)
  );
}
