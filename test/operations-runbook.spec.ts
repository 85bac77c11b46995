import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The alerts of the PrometheusRule, whose runbook_url is docs/operations.md#<name in lowercase>.
const ALERTS = [
  'SalurSlaBreachesRising',
  'SalurConsumerLagHigh',
  'SalurDeadLetterGrowing',
  'SalurOutboxBacklogGrowing',
  'SalurServiceNotReady',
];

/** The anchor a Markdown renderer (GitHub's) gives a heading. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

describe('docs/operations.md', () => {
  const text = readFileSync(join(__dirname, '..', 'docs', 'operations.md'), 'utf8');
  const anchors = new Set(
    text
      .split('\n')
      .filter((line) => /^#{2,4} /.test(line))
      .map((line) => anchorOf(line.replace(/^#+ /, ''))),
  );

  it.each(ALERTS)('has a section %s whose anchor is the alert name in lowercase', (alert) => {
    expect(anchors).toContain(alert.toLowerCase());
    const section = text.slice(text.indexOf(`### ${alert}\n`));
    expect(section).toMatch(/\*\*Confirm\*\*/);
    expect(section).toMatch(/\*\*Act\*\*/);
  });

  it('covers deploying, scaling, shutdown, secrets, dead letters and both outages', () => {
    for (const topic of [
      'deploying',
      'shutdown-and-the-grace-period',
      'scaling',
      'rotating-secrets',
      'replaying-a-dead-letter-topic',
      'recovering-from-a-kafka-outage',
      'recovering-from-a-postgres-outage',
    ]) {
      expect(anchors).toContain(topic);
    }
  });
});
