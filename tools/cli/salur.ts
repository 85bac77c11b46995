import 'reflect-metadata';
import { ConfigError } from '@salur/platform';
import { parseArgs } from 'node:util';
import { UsageError } from './cli-config';
import { dlqList, dlqRedrive } from './dlq.command';
import { lag } from './lag.command';
import { migrate, seedDirectory, SERVICES } from './service-script.command';

/** Exit codes: 0 done; 1 the operation failed; 2 wrong command line or environment; 3 see dlq redrive. */
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const HELP: Record<string, string> = {
  main: `salur — operator commands for a Salur deployment

Usage: npm run salur -- <command> [options]

Commands:
  dlq list        dead-lettered events: id, type, subject, original topic, error, time
  dlq redrive     send dead-lettered events back to their original topic
  lag             consumer-group lag per topic and partition
  migrate         apply pending database migrations
  seed-directory  seed routing's agency directory from the shipped data

Run \`npm run salur -- <command> --help\` for a command's options.

Environment (the services' own variables):
  KAFKA_BROKERS         comma-separated host:port list (dlq, lag)
  KAFKA_TOPIC_PREFIX    the deployment's topic and group prefix (dlq, lag)
  KAFKA_CLIENT_ID       Kafka client id (default salur-cli)
  DATABASE_URL          Postgres URL (migrate, seed-directory); <SERVICE>_DATABASE_URL overrides it per service
  LOG_LEVEL             Kafka client log lines on stderr (default error)

Exit codes: 0 done, 1 the operation failed, 2 wrong command line or environment,
3 dlq redrive: some --id not found among the pending events.`,
  'dlq list': `Usage: npm run salur -- dlq list [--topic <dlq topic>] [--limit N] [--pending] [--json]

Lists the events parked on one dead-letter topic (<topic>.dlq.<group>), or on all of them, oldest
failure first: event id, type, subject, original topic, dead-letter reason, error, failure time, and
whether a redrive already moved past it.

  --topic T   one dead-letter topic (logical name, without KAFKA_TOPIC_PREFIX)
  --limit N   at most N events per topic (default 100)
  --pending   only events not yet redriven
  --json      machine-readable output`,
  'dlq redrive': `Usage: npm run salur -- dlq redrive --topic <dlq topic> (--all | --id <event id> ...) [--dry-run] [--json]

Republishes pending dead-lettered events to their original topic, without their failure headers,
so the consumer group tries them again with its full retry policy; other groups find them in their
inbox and change nothing. The redrive's position on the topic is committed (consumer group
salur-dlq-redrive), so an event is not redriven twice. Undecodable events are skipped.

  --topic T   the dead-letter topic (logical name)
  --all       every pending event of the topic
  --id ID     the event with this ce_id (repeatable)
  --dry-run   show what would be sent; send and commit nothing
  --json      machine-readable report

Exit code 3 when some --id was not among the pending events (the others were redriven).`,
  lag: `Usage: npm run salur -- lag [--group G] [--json]

Shows, per consumer group, topic and partition, the committed offset, the end of the partition and
the lag (messages not yet read), with a total per topic.

  --group G   one consumer group (logical name, e.g. salur-routing)
  --json      machine-readable output`,
  migrate: `Usage: npm run salur -- migrate [${SERVICES.join('|')}|all]

Applies the pending migrations of one service's schema, or of all four (the default), under each
service's advisory lock; stops at the first failure. Uses <SERVICE>_DATABASE_URL or DATABASE_URL.`,
  'seed-directory': `Usage: npm run salur -- seed-directory

Seeds routing's agency directory (provinces, regencies/cities, ministries) from the shipped data.
Idempotent; keeps admins' deactivations. Needs routing's migrations applied. Uses
ROUTING_DATABASE_URL or DATABASE_URL.`,
};

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(`${name} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      topic: { type: 'string' },
      limit: { type: 'string' },
      pending: { type: 'boolean' },
      id: { type: 'string', multiple: true },
      all: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      group: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const command = positionals.at(0);
  const sub = positionals.at(1);
  const rest = positionals.slice(2);
  const name = command === 'dlq' && sub !== undefined ? `dlq ${sub}` : command;
  if (name === undefined || (values.help === true && !(name in HELP))) {
    process.stdout.write(`${HELP.main}\n`);
    return values.help === true ? 0 : EXIT_USAGE;
  }
  if (values.help === true) {
    process.stdout.write(`${HELP[name]}\n`);
    return 0;
  }
  const noMore = (extra: readonly (string | undefined)[]): void => {
    const unexpected = extra.filter((e) => e !== undefined);
    if (unexpected.length > 0) {
      throw new UsageError(`unexpected argument(s) to ${name}: ${unexpected.join(' ')}`);
    }
  };
  const json = values.json === true;
  switch (name) {
    case 'dlq list':
      noMore(rest);
      return dlqList({
        ...(values.topic !== undefined ? { topic: values.topic } : {}),
        limit: positiveInt('--limit', values.limit, 100),
        pendingOnly: values.pending === true,
        json,
      });
    case 'dlq redrive':
      noMore(rest);
      if (values.topic === undefined) throw new UsageError('dlq redrive needs --topic');
      return dlqRedrive({
        topic: values.topic,
        ids: values.id ?? [],
        all: values.all === true,
        dryRun: values['dry-run'] === true,
        json,
      });
    case 'lag':
      noMore([sub, ...rest]);
      return lag({ ...(values.group !== undefined ? { group: values.group } : {}), json });
    case 'migrate':
      noMore(rest);
      return migrate(sub ?? 'all');
    case 'seed-directory':
      noMore([sub, ...rest]);
      return seedDirectory();
    default:
      throw new UsageError(
        command === 'dlq'
          ? `unknown dlq command ${sub ?? ''}; use dlq list or dlq redrive`
          : `unknown command ${command}`,
      );
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

// Exits explicitly: a Kafka client may keep a timer alive after its connections are closed.
run(process.argv.slice(2)).then(
  (code) => {
    process.exit(code);
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError || error instanceof ConfigError || isParseArgsError(error)) {
      process.stderr.write(`salur: ${message}\nRun \`npm run salur -- --help\` for usage.\n`);
      process.exit(EXIT_USAGE);
    }
    process.stderr.write(`salur: ${message}\n`);
    process.exit(EXIT_FAILED);
  },
);
