import { pickWithinCapacity } from './endpoint-capacity';

describe('per-endpoint capacity', () => {
  const due = (endpoint: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `${endpoint}-${i}`, endpoint }));

  it('lets a busy endpoint take only its share, so the others still flow', () => {
    const candidates = [...due('slow', 10), ...due('a', 2), ...due('b', 2)];
    const picked = pickWithinCapacity(candidates, new Map(), 2, 10);
    expect(picked.map((c) => c.id)).toEqual(['slow-0', 'slow-1', 'a-0', 'a-1', 'b-0', 'b-1']);
  });

  it('counts what is already in flight', () => {
    const picked = pickWithinCapacity(
      [...due('slow', 3), ...due('a', 1)],
      new Map([['slow', 2]]),
      2,
      10,
    );
    expect(picked.map((c) => c.id)).toEqual(['a-0']);
  });

  it('stops at the free slots of the process', () => {
    expect(pickWithinCapacity(due('a', 5), new Map(), 5, 3)).toHaveLength(3);
  });
});
