import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first truthy value', async () => {
    let calls = 0;
    const value = await waitFor(
      () => {
        calls += 1;
        return calls >= 3 ? { calls } : undefined;
      },
      { description: 'the third call', intervalMs: 1 },
    );
    expect(value).toEqual({ calls: 3 });
  });

  it('treats a throw as "not yet"', async () => {
    let calls = 0;
    await expect(
      waitFor(
        () => {
          calls += 1;
          if (calls < 2) throw new Error('not yet');
          return Promise.resolve('done');
        },
        { description: 'a retry', intervalMs: 1 },
      ),
    ).resolves.toBe('done');
  });

  it('says what it waited for and the last error when time runs out', async () => {
    const failure = waitFor(
      () => {
        throw new Error('connection refused');
      },
      { description: 'the broker to answer', timeoutMs: 50, intervalMs: 10 },
    );
    await expect(failure).rejects.toThrow(
      /^Timed out after 50 ms \(\d+ attempts\) waiting for the broker to answer; last error: connection refused$/,
    );
    await expect(failure).rejects.toMatchObject({ cause: new Error('connection refused') });
  });

  it('shows the last value when the function never threw', async () => {
    await expect(
      waitFor(() => 0, { description: 'a count above zero', timeoutMs: 20, intervalMs: 5 }),
    ).rejects.toThrow(/waiting for a count above zero; last value: 0$/);
  });
});
