/** Quotes a Postgres identifier (schema, table) that comes from configuration. */
export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`invalid SQL identifier ${JSON.stringify(name)}`);
  }
  return `"${name}"`;
}
