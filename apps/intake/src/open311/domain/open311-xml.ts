/**
 * The spec's XML: a root list element (`services`, `service_requests`, `errors`) holding one
 * element per item (`service`, `request`, `error`); a service definition is a single element.
 * Text is escaped; null is an empty element; arrays repeat their element.
 */
export function toXml(root: string, item: string | null, value: unknown): string {
  const inner =
    item === null
      ? element(root, value)
      : `<${root}>${(value as unknown[]).map((v) => element(item, v)).join('')}</${root}>`;
  return `<?xml version="1.0" encoding="utf-8"?>${inner}`;
}

function element(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => element(name, v)).join('');
  if (value === null || value === undefined) return `<${name}/>`;
  if (typeof value === 'object') {
    const children = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v))
      .join('');
    return `<${name}>${children}</${name}>`;
  }
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : '';
  return `<${name}>${escapeXml(text)}</${name}>`;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
