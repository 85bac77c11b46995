import {
  createDatabase,
  dropDatabase,
  findRepoRoot,
  resolveKafka,
  resolvePostgres,
  type ResolvedKafka,
  type ResolvedPostgres,
} from '@salur/infra';
import { randomBytes } from 'node:crypto';

/** What a scenario reports: figures for the JSON line, lines for the readable summary. */
export interface ScenarioResult {
  readonly figures: Record<string, unknown>;
  readonly summary: readonly string[];
}

export interface Scenario {
  readonly name: string;
  /** One line: what the scenario measures. */
  readonly measures: string;
  run(context: BenchContext): Promise<ScenarioResult>;
}

export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

export const log = (message: string): void => {
  process.stderr.write(`[bench] ${new Date().toISOString().slice(11, 19)} ${message}\n`);
};

/**
 * Options of one run (`--quick`, `--seconds 30`, `--rates 100,500`) and the infrastructure the
 * scenarios share: one Kafka and one Postgres server, started on first use and stopped at the end.
 */
export class BenchContext {
  readonly root = findRepoRoot();
  private kafka: Promise<ResolvedKafka> | undefined;
  private postgres: Promise<ResolvedPostgres> | undefined;

  constructor(
    readonly quick: boolean,
    private readonly values: ReadonlyMap<string, string>,
  ) {}

  /** A numeric option: `--name <value>`, else the quick or the full default. */
  number(name: string, full: number, quick: number = full): number {
    const raw = this.values.get(name);
    if (raw === undefined) return this.quick ? quick : full;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) {
      throw new Error(`--${name} must be a non-negative number, got ${JSON.stringify(raw)}`);
    }
    return value;
  }

  /** A text option: `--name <value>`, one of `allowed`. */
  text(name: string, allowed: readonly string[]): string {
    const raw = this.values.get(name) ?? allowed[0];
    if (!allowed.includes(raw)) throw new Error(`--${name} must be one of ${allowed.join(', ')}`);
    return raw;
  }

  /** A comma list of numbers: `--name 8,32,64`. */
  numbers(name: string, full: readonly number[], quick: readonly number[] = full): number[] {
    const raw = this.values.get(name);
    if (raw === undefined) return [...(this.quick ? quick : full)];
    const list = raw.split(',').map(Number);
    if (list.length === 0 || list.some((n) => !Number.isFinite(n) || n <= 0)) {
      throw new Error(`--${name} must be a comma list of positive numbers, got ${raw}`);
    }
    return list;
  }

  /** `--cpu-prof-dir <dir>`: where started services write CPU profiles, if anywhere. */
  get profileDir(): string | undefined {
    return this.values.get('cpu-prof-dir');
  }

  async brokers(): Promise<string[]> {
    this.kafka ??= resolveKafka({ log });
    return (await this.kafka).brokers;
  }

  async adminUrl(): Promise<string> {
    this.postgres ??= resolvePostgres({ log });
    return (await this.postgres).adminUrl;
  }

  /** A fresh database, dropped by `drop()`. */
  async database(purpose: string): Promise<BenchDatabase> {
    const adminUrl = await this.adminUrl();
    const name = `salur_bench_${purpose}_${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
    const url = await createDatabase(adminUrl, name);
    return { name, url, drop: () => dropDatabase(adminUrl, name) };
  }

  /** A topic and consumer-group namespace of its own for one scenario. */
  topicPrefix(purpose: string): string {
    return `bench-${purpose}-${Date.now().toString(36)}.`;
  }

  async close(): Promise<void> {
    const kafka = this.kafka;
    const postgres = this.postgres;
    this.kafka = undefined;
    this.postgres = undefined;
    if (kafka) await (await kafka).stop().catch(() => undefined);
    if (postgres) await (await postgres).stop().catch(() => undefined);
  }
}
