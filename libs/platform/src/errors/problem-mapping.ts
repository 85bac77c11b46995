/** How one domain error code is answered over HTTP. */
export interface ProblemType {
  readonly status: number;
  /** Short, stable summary; defaults to the code in words ("ComplaintNotFound" → "Complaint not found"). */
  readonly title?: string;
  /** Problem type URI; defaults to `urn:salur:problem:<kebab-code>`. */
  readonly type?: string;
}

export interface ResolvedProblemType {
  readonly status: number;
  readonly title: string;
  readonly type: string;
}

const registry = new Map<string, ResolvedProblemType>();

/**
 * The one mapping from domain error codes to HTTP problems. Each module registers its own codes
 * beside its HTTP layer, e.g. in its `*.module.ts`:
 *
 * ```ts
 * ProblemMapping.register({ ComplaintNotFound: 404, IllegalTransition: 409 });
 * ```
 *
 * Registering a code twice with the same answer is harmless (modules may be imported by several
 * test modules); with a different answer it throws, because two modules disagree on one code.
 */
export const ProblemMapping = {
  register(mappings: Readonly<Record<string, number | ProblemType>>): void {
    for (const [code, mapping] of Object.entries(mappings)) {
      const resolved = resolve(code, typeof mapping === 'number' ? { status: mapping } : mapping);
      const existing = registry.get(code);
      if (
        existing &&
        (existing.status !== resolved.status ||
          existing.title !== resolved.title ||
          existing.type !== resolved.type)
      ) {
        throw new Error(
          `Problem mapping for ${code} is already registered as ${existing.status} (${existing.type}); refusing ${resolved.status} (${resolved.type})`,
        );
      }
      registry.set(code, resolved);
    }
  },

  resolve(code: string): ResolvedProblemType | undefined {
    return registry.get(code);
  },

  /** Forgets every mapping; for tests that register conflicting codes. */
  clear(): void {
    registry.clear();
  },
};

function resolve(code: string, mapping: ProblemType): ResolvedProblemType {
  if (!Number.isInteger(mapping.status) || mapping.status < 400 || mapping.status > 599) {
    throw new Error(`Problem mapping for ${code}: status ${mapping.status} is not a 4xx or 5xx`);
  }
  return {
    status: mapping.status,
    title: mapping.title ?? titleFromCode(code),
    type: mapping.type ?? `urn:salur:problem:${kebab(code)}`,
  };
}

function words(code: string): string[] {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter((word) => word !== '');
}

export function titleFromCode(code: string): string {
  const sentence = words(code).join(' ').toLowerCase();
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

export function kebab(code: string): string {
  return words(code).join('-').toLowerCase();
}
