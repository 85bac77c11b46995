// `npm run infra`: finds or starts Kafka and Postgres the way `npm start` does, prints where they
// are, and keeps them up until Ctrl-C or SIGTERM. For running services from an IDE or running
// tests against long-lived infrastructure: export the two printed lines, and tests and services
// use them instead of starting their own.
import {
  describeExit,
  errorMessage,
  findRepoRoot,
  handleShutdownSignals,
  startDevInfra,
  type DevInfra,
} from '@salur/infra';

function say(line: string): void {
  process.stderr.write(`[salur] ${line}\n`);
}

async function main(): Promise<number> {
  let stopRequested: ((code: number) => void) | undefined;
  const stopped = new Promise<number>((resolve) => {
    stopRequested = resolve;
  });
  let infra: DevInfra | undefined;
  let interrupted = false;
  const isInterrupted = (): boolean => interrupted;
  const removeHandlers = handleShutdownSignals(
    (signal) => {
      say(`${signal} received; stopping what was started`);
      interrupted = true;
      stopRequested?.(0);
    },
    (signal) => {
      say(`${signal} received again; killing the broker and exiting`);
      const pid = infra?.kafka.local?.snapshot().pid;
      if (pid !== undefined && pid !== null) process.kill(pid, 'SIGKILL');
      process.exit(130);
    },
  );
  try {
    infra = await startDevInfra({ repoRoot: findRepoRoot(__dirname), log: say });
    if (isInterrupted()) return await stopped;
    infra.kafka.local?.onUnexpectedExit((exit) => {
      say(`the Kafka broker exited unexpectedly (${describeExit(exit)}); stopping`);
      stopRequested?.(1);
    });
    // Plain KEY=value lines on stdout, nothing else there, so they can be captured or copied.
    process.stdout.write(`KAFKA_BROKERS=${infra.kafka.brokers.join(',')}\n`);
    process.stdout.write(`DATABASE_URL=${infra.databaseUrl}\n`);
    say('ready; Ctrl-C stops what was started');
    // A pending promise does not keep Node running, and the broker's process handle is unref'd:
    // without this the launcher would exit at once and leave the broker behind.
    const keepAlive = setInterval(() => undefined, 60_000);
    try {
      return await stopped;
    } finally {
      clearInterval(keepAlive);
    }
  } catch (error) {
    say(`could not provide Kafka and Postgres: ${errorMessage(error)}`);
    return 1;
  } finally {
    await infra?.stop().catch((error: unknown) => {
      say(`stopping failed: ${errorMessage(error)}`);
    });
    removeHandlers();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(errorMessage(error));
    process.exit(1);
  },
);
