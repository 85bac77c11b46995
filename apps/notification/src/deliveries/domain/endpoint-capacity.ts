/**
 * Picks, from due deliveries in due order, those that may start now without an endpoint exceeding
 * its share: a slow endpoint fills its own slots and no more, so others keep flowing.
 */
export function pickWithinCapacity<T extends { readonly endpoint: string }>(
  candidates: readonly T[],
  inFlight: ReadonlyMap<string, number>,
  perEndpoint: number,
  total: number,
): T[] {
  const taken = new Map(inFlight);
  const picked: T[] = [];
  for (const candidate of candidates) {
    if (picked.length >= total) break;
    const busy = taken.get(candidate.endpoint) ?? 0;
    if (busy >= perEndpoint) continue;
    taken.set(candidate.endpoint, busy + 1);
    picked.push(candidate);
  }
  return picked;
}
