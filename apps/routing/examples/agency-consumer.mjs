// An agency's own system following its complaints on Salur's Kafka topics.
//
//   node apps/routing/examples/agency-consumer.mjs --agency pemda-64.71 --brokers 127.0.0.1:9092
//     [--prefix <KAFKA_TOPIC_PREFIX>] [--group <consumer group>] [--from-beginning]
//
// It reads salur.complaints.v1 and salur.sla.v1 with its own consumer group and keeps:
// - every event whose `ce_agency` header is its agency (the complaint is, or has just become, its);
// - `forwarded` and `escalated` events whose `fromAgency` is its agency (the complaint left it).
// Every salur.complaint.* event carries the complaint's full current state, so the latest
// snapshot per complaint (highest `version`) is all it needs to keep. Delivery is at least once:
// it deduplicates on `ce_id` (in memory here; a real system stores processed ids with its effect).
import { Kafka, logLevel } from 'kafkajs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const agency = option('agency');
const brokers = option('brokers', process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const prefix = option('prefix', process.env.KAFKA_TOPIC_PREFIX ?? '');
const groupId = option('group', `agency-${agency}`);
if (!agency) {
  console.error('usage: agency-consumer.mjs --agency <code> [--brokers host:port]');
  process.exit(2);
}

const kafka = new Kafka({ clientId: groupId, brokers, logLevel: logLevel.WARN });
const consumer = kafka.consumer({ groupId });
const seen = new Set();
/** complaintId → latest snapshot (status, agency, level, region, category, …). */
const complaints = new Map();

const header = (message, name) => message.headers?.[name]?.toString('utf8');

function concernsUs(type, ceAgency, data) {
  if (ceAgency === agency) return true;
  return (
    (type === 'salur.complaint.forwarded.v1' || type === 'salur.complaint.escalated.v1') &&
    data.fromAgency === agency
  );
}

await consumer.connect();
await consumer.subscribe({
  topics: [`${prefix}salur.complaints.v1`, `${prefix}salur.sla.v1`],
  fromBeginning: process.argv.includes('--from-beginning'),
});
await consumer.run({
  eachMessage: async ({ message }) => {
    const id = header(message, 'ce_id');
    const type = header(message, 'ce_type');
    if (!id || !type || seen.has(id)) return;
    let data;
    try {
      data = JSON.parse(message.value.toString('utf8'));
    } catch {
      return; // not ours to fix: Salur dead-letters what it cannot parse
    }
    if (!concernsUs(type, header(message, 'ce_agency'), data)) return;
    seen.add(id);
    if (data.complaint) {
      const known = complaints.get(data.complaint.complaintId);
      if (!known || known.version < data.complaint.version) {
        complaints.set(data.complaint.complaintId, data.complaint);
      }
      const c = data.complaint;
      const note = data.fromAgency === agency ? ` (moved to ${data.toAgency})` : '';
      console.log(
        `${type} ${c.trackingId} v${c.version} ${c.status} at ${c.agency}${note}: ${c.title}`,
      );
    } else {
      console.log(`${type} ${data.complaintId} ${data.stage} due ${data.dueAt}`);
    }
  },
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    consumer.disconnect().finally(() => process.exit(0));
  });
}
