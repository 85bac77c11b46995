import { setTimeout as sleep } from 'node:timers/promises';
import { inspect } from 'node:util';
import { errorMessage } from './infra';

export interface WaitForOptions {
  /** What is awaited, in words; the timeout error says "waiting for <description>". */
  readonly description: string;
  /** Default 10 s. */
  readonly timeoutMs?: number;
  /** Pause between attempts. Default 100 ms. */
  readonly intervalMs?: number;
}

type Falsy = false | 0 | 0n | '' | null | undefined;

/**
 * Calls `fn` until it returns (or resolves to) a truthy value, and returns that value. A throw
 * counts as "not yet". On timeout it throws with the description and the last error (as `cause`)
 * or the last value, so a failing test says what it saw rather than only that time ran out.
 */
export async function waitFor<T>(
  fn: () => T | Promise<T>,
  options: WaitForOptions,
): Promise<Exclude<Awaited<T>, Falsy>> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  let lastValue: Awaited<T> | undefined;
  let attempts = 0;
  for (;;) {
    attempts += 1;
    try {
      const value = await fn();
      if (value) return value as Exclude<Awaited<T>, Falsy>;
      lastValue = value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await sleep(Math.min(options.intervalMs ?? 100, Math.max(0, deadline - Date.now())));
  }
  const last =
    lastError === undefined
      ? `last value: ${inspect(lastValue)}`
      : `last error: ${errorMessage(lastError)}`;
  throw new Error(
    `Timed out after ${timeoutMs} ms (${attempts} attempts) waiting for ${options.description}; ${last}`,
    { cause: lastError },
  );
}
