import type { PartitionLag } from '@salur/messaging';
import { withBroker } from './kafka-admin';
import { formatTable } from './table';

export interface LagArgs {
  readonly group?: string;
  readonly json: boolean;
}

interface GroupLag extends PartitionLag {
  readonly group: string;
}

/** Consumer-group lag per topic and partition, from the groups' committed offsets. */
export async function lag(args: LagArgs): Promise<number> {
  return withBroker(async (broker) => {
    const known = await broker.listConsumerGroups();
    if (args.group !== undefined && !known.includes(args.group)) {
      throw new Error(
        `no consumer group ${args.group}; known: ${known.length > 0 ? known.join(', ') : 'none'}`,
      );
    }
    const groups = args.group !== undefined ? [args.group] : known;
    const rows: GroupLag[] = [];
    for (const group of groups) {
      for (const p of await broker.consumerGroupLag(group)) rows.push({ group, ...p });
    }
    if (args.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    if (rows.length === 0) {
      process.stdout.write(
        groups.length === 0 ? 'no consumer groups\n' : 'no committed offsets yet\n',
      );
      return 0;
    }
    const table: string[][] = [];
    const totals = new Map<string, number>();
    for (const r of rows) {
      table.push([
        r.group,
        r.topic,
        String(r.partition),
        r.committedOffset ?? '-',
        r.highWatermark,
        String(r.lag),
      ]);
      const key = `${r.group}\u0000${r.topic}`;
      totals.set(key, (totals.get(key) ?? 0) + r.lag);
    }
    for (const [key, total] of totals) {
      const [group = '', topic = ''] = key.split('\u0000');
      table.push([group, topic, 'all', '', '', String(total)]);
    }
    process.stdout.write(
      `${formatTable(['group', 'topic', 'partition', 'committed', 'end', 'lag'], table, 100)}\n`,
    );
    return 0;
  });
}
