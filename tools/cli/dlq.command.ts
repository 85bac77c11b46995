import {
  DeadLetterQueue,
  isDeadLetterTopic,
  type DeadLetter,
  type DeadLetterListing,
} from '@salur/messaging';
import { UsageError } from './cli-config';
import { withBroker } from './kafka-admin';
import { formatTable } from './table';

export interface DlqListArgs {
  readonly topic?: string;
  readonly limit: number;
  readonly pendingOnly: boolean;
  readonly json: boolean;
}

export interface DlqRedriveArgs {
  readonly topic: string;
  readonly ids: readonly string[];
  readonly all: boolean;
  readonly dryRun: boolean;
  readonly json: boolean;
}

/** Exit code when some `--id`s were not among the pending events (everything else went through). */
export const EXIT_IDS_NOT_FOUND = 3;

function requireDeadLetterTopic(topic: string): void {
  if (!isDeadLetterTopic(topic)) {
    throw new UsageError(`--topic ${topic} is not a dead-letter topic (<topic>.dlq.<group>)`);
  }
}

async function existingTopic(queue: DeadLetterQueue, topic: string): Promise<void> {
  const known = await queue.topics();
  if (!known.includes(topic)) {
    throw new Error(
      `no dead-letter topic ${topic}; known: ${known.length > 0 ? known.join(', ') : 'none'}`,
    );
  }
}

function letterRow(l: DeadLetter): string[] {
  return [
    l.id ?? '-',
    l.type ?? '-',
    l.subject ?? '-',
    l.originalTopic,
    l.reason ?? '-',
    l.error ?? '-',
    l.failedAt,
    l.pending ? 'pending' : 'redriven',
  ];
}

function printListing(listing: DeadLetterListing): void {
  const shown = listing.letters.length;
  process.stdout.write(
    `${listing.topic}: ${listing.total} event(s), ${listing.pending} pending` +
      (shown < listing.total ? ` (showing ${shown})` : '') +
      '\n',
  );
  if (shown > 0) {
    process.stdout.write(
      `${formatTable(
        ['id', 'type', 'subject', 'original topic', 'reason', 'error', 'failed at', 'state'],
        listing.letters.map(letterRow),
      )}\n`,
    );
  }
}

export async function dlqList(args: DlqListArgs): Promise<number> {
  if (args.topic !== undefined) requireDeadLetterTopic(args.topic);
  return withBroker(async (broker) => {
    const queue = new DeadLetterQueue(broker);
    let topics: string[];
    if (args.topic !== undefined) {
      await existingTopic(queue, args.topic);
      topics = [args.topic];
    } else {
      topics = await queue.topics();
    }
    const listings: DeadLetterListing[] = [];
    for (const topic of topics) {
      listings.push(await queue.list(topic, { limit: args.limit, pendingOnly: args.pendingOnly }));
    }
    if (args.json) {
      process.stdout.write(`${JSON.stringify(listings, null, 2)}\n`);
    } else if (listings.length === 0) {
      process.stdout.write('no dead-letter topics\n');
    } else {
      listings.forEach((listing, i) => {
        if (i > 0) process.stdout.write('\n');
        printListing(listing);
      });
    }
    return 0;
  });
}

export async function dlqRedrive(args: DlqRedriveArgs): Promise<number> {
  requireDeadLetterTopic(args.topic);
  if (args.all === args.ids.length > 0) {
    throw new UsageError('dlq redrive needs either --all or at least one --id, not both');
  }
  return withBroker(async (broker) => {
    const queue = new DeadLetterQueue(broker);
    await existingTopic(queue, args.topic);
    const report = await queue.redrive(args.topic, args.all ? { all: true } : { ids: args.ids }, {
      dryRun: args.dryRun,
    });
    if (args.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const verb = report.dryRun ? 'would redrive' : 'redriven';
      process.stdout.write(
        `${args.topic}: ${verb} ${report.redriven.length}, skipped ${report.skipped.length}, ` +
          `not found ${report.notFound.length}, still pending ${report.leftPending}` +
          (report.dryRun ? ' (dry run: nothing sent, nothing committed)' : '') +
          '\n',
      );
      for (const l of report.redriven) {
        process.stdout.write(`  ${verb} ${l.id ?? `offset ${l.offset}`} → ${l.originalTopic}\n`);
      }
      for (const { letter, why } of report.skipped) {
        process.stdout.write(`  skipped ${letter.id ?? `offset ${letter.offset}`}: ${why}\n`);
      }
      for (const id of report.notFound) {
        process.stdout.write(`  not found among pending events: ${id}\n`);
      }
    }
    return report.notFound.length > 0 ? EXIT_IDS_NOT_FOUND : 0;
  });
}
