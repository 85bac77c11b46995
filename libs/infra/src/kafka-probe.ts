import { Kafka, logLevel } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from './log';

/** Asks the cluster for its brokers once; resolves with their count or rejects with the reason. */
export async function describeKafka(
  brokers: readonly string[],
  timeoutMs = 3_000,
): Promise<number> {
  const kafka = new Kafka({
    clientId: 'salur-infra-probe',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export interface WaitForKafkaOptions {
  readonly timeoutMs: number;
  readonly intervalMs?: number;
  /** Checked between attempts; a message aborts the wait (e.g. "the broker process exited"). */
  readonly abortReason?: () => string | undefined;
}

/**
 * Waits until the cluster answers a metadata request with at least one broker: the listener is
 * open and the broker has registered with the controller, so produce and consume work.
 */
export async function waitForKafka(
  brokers: readonly string[],
  options: WaitForKafkaOptions,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let last: string;
  for (;;) {
    const aborted = options.abortReason?.();
    if (aborted !== undefined) throw new Error(aborted);
    try {
      if ((await describeKafka(brokers)) > 0) return;
      last = 'no brokers registered yet';
    } catch (error) {
      last = errorMessage(error);
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `Kafka at ${brokers.join(',')} did not answer within ${options.timeoutMs} ms (last: ${last})`,
      );
    }
    await sleep(options.intervalMs ?? 200);
  }
}
