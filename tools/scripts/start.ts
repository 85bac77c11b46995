// `npm start`: everything on one machine. Finds or starts Kafka and Postgres (see libs/infra), runs
// each service's migrations, starts the four services, waits until they are ready and prints where
// they are. Ctrl-C or SIGTERM stops the services, then the broker and Postgres; if a service dies,
// everything stops and the exit code is non-zero.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  describeExit,
  errorMessage,
  findRepoRoot,
  handleShutdownSignals,
  isPortFree,
  LineSplitter,
  redactUrl,
  startDevInfra,
  terminate,
  waitForExit,
  waitForHttpOk,
  type DevInfra,
} from '@salur/infra';

interface Service {
  readonly name: string;
  readonly port: number;
  /** Extra pages worth printing, as paths. */
  readonly pages: readonly string[];
}

const SERVICES = [
  { name: 'intake', defaultPort: 3001, pages: [] },
  { name: 'routing', defaultPort: 3002, pages: [] },
  { name: 'sla', defaultPort: 3003, pages: [] },
  { name: 'notification', defaultPort: 3004, pages: [] },
] as const;

// Known to everyone who has read this file, which is the point: development tokens can be minted
// with it. It must never reach a deployment, hence the warning when it is used.
const DEVELOPMENT_JWT_SECRET = 'salur-development-only-secret-change-me';
const DEVELOPMENT_INTAKE_SECRET = 'salur-development-only-intake-secret-change-me';
const STOP_GRACE_MS = 10_000;
const READY_TIMEOUT_MS = 120_000;
const LABEL_WIDTH = Math.max('salur'.length, ...SERVICES.map((service) => service.name.length));

function prefixed(label: string, line: string): string {
  return `${label.padEnd(LABEL_WIDTH)} | ${line}\n`;
}

function say(line: string): void {
  process.stdout.write(prefixed('salur', line));
}

interface StopRequest {
  readonly code: number;
  readonly reason: string;
}

class Launcher {
  private readonly children = new Map<string, ChildProcess>();
  private infra?: DevInfra;
  private stopRequest?: StopRequest;
  private readonly stopRequested: Promise<StopRequest>;
  private resolveStop: (request: StopRequest) => void = () => undefined;

  constructor(private readonly repoRoot: string) {
    this.stopRequested = new Promise((resolve) => {
      this.resolveStop = resolve;
    });
  }

  async run(): Promise<number> {
    const removeHandlers = handleShutdownSignals(
      (signal) => {
        this.requestStop(0, `${signal} received`);
      },
      (signal) => {
        say(`${signal} received again; killing everything`);
        this.killAll();
        process.exit(130);
      },
    );
    // Last resort if this process exits some other way: the services and the broker run in their
    // own process groups and would otherwise outlive it.
    const onExit = (): void => {
      this.killAll();
    };
    process.on('exit', onExit);
    try {
      await this.startAll();
    } catch (error) {
      this.requestStop(1, errorMessage(error));
    }
    const request = await this.stopRequested;
    say(`${request.reason}; stopping`);
    await this.stopAll();
    process.off('exit', onExit);
    removeHandlers();
    return request.code;
  }

  // A method, not a getter: the answer changes while startAll awaits, and the compiler would
  // otherwise keep a narrowed value across those awaits.
  private isStopping(): boolean {
    return this.stopRequest !== undefined;
  }

  private requestStop(code: number, reason: string): void {
    if (this.stopRequest !== undefined) return;
    this.stopRequest = { code, reason };
    this.resolveStop(this.stopRequest);
  }

  private async startAll(): Promise<void> {
    const services = this.services();
    this.checkBuilt(services);
    await this.checkPortsFree(services);
    this.infra = await startDevInfra({ repoRoot: this.repoRoot, log: say });
    if (this.isStopping()) return;
    this.infra.kafka.local?.onUnexpectedExit((exit) => {
      this.requestStop(1, `the Kafka broker exited unexpectedly (${describeExit(exit)})`);
    });
    const env = this.sharedEnv(this.infra);
    for (const service of services) {
      if (this.isStopping()) return;
      await this.migrate(service, env);
    }
    if (this.isStopping()) return;
    for (const service of services) this.startService(service, env);
    await Promise.race([
      Promise.all(services.map((service) => this.waitReady(service))),
      this.stopRequested,
    ]);
    if (this.isStopping()) return;
    this.printSummary(services, this.infra);
  }

  private services(): Service[] {
    return SERVICES.map(({ name, defaultPort, pages }) => {
      const variable = `${name.toUpperCase()}_PORT`;
      const configured = process.env[variable];
      if (configured === undefined || configured === '') return { name, port: defaultPort, pages };
      const port = Number(configured);
      if (!Number.isInteger(port) || port < 1 || port > 65_535) {
        throw new Error(`${variable}=${configured} is not a TCP port number`);
      }
      return { name, port, pages };
    });
  }

  private entry(service: Service, file: 'main' | 'migrate'): string {
    return join(this.repoRoot, 'dist', 'apps', service.name, 'src', `${file}.js`);
  }

  private checkBuilt(services: readonly Service[]): void {
    const missing = services
      .flatMap((service) => [this.entry(service, 'migrate'), this.entry(service, 'main')])
      .filter((file) => !existsSync(file))
      .map((file) => relative(this.repoRoot, file));
    if (missing.length > 0) {
      throw new Error(
        `the build did not produce ${missing.join(', ')}; each service needs src/main.ts and ` +
          'src/migrate.ts (npm run build compiles them)',
      );
    }
  }

  private async checkPortsFree(services: readonly Service[]): Promise<void> {
    for (const service of services) {
      if (!(await isPortFree(service.port))) {
        throw new Error(
          `port ${service.port} for ${service.name} is in use (another Salur still running?); ` +
            `set ${service.name.toUpperCase()}_PORT to use another`,
        );
      }
    }
  }

  private sharedEnv(infra: DevInfra): NodeJS.ProcessEnv {
    let secret = process.env.AUTH_JWT_SECRET;
    if (secret === undefined || secret === '') {
      secret = DEVELOPMENT_JWT_SECRET;
      say(
        `warning: AUTH_JWT_SECRET is not set; using the development secret "${secret}". ` +
          'Anyone can sign tokens with it: never use it outside this machine.',
      );
    }
    let intakeSecret = process.env.INTAKE_SECRET;
    if (intakeSecret === undefined || intakeSecret === '') {
      intakeSecret = DEVELOPMENT_INTAKE_SECRET;
      say('warning: INTAKE_SECRET is not set; using the development secret.');
    }
    return {
      ...process.env,
      KAFKA_BROKERS: infra.kafka.brokers.join(','),
      DATABASE_URL: infra.databaseUrl,
      AUTH_JWT_SECRET: secret,
      INTAKE_SECRET: intakeSecret,
    };
  }

  private serviceEnv(service: Service, shared: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    const ownDatabase = process.env[`${service.name.toUpperCase()}_DATABASE_URL`];
    return {
      ...shared,
      PORT: String(service.port),
      ...(ownDatabase !== undefined && ownDatabase !== '' ? { DATABASE_URL: ownDatabase } : {}),
    };
  }

  private spawnNode(label: string, entry: string, env: NodeJS.ProcessEnv): ChildProcess {
    const child = spawn(process.execPath, [entry], {
      cwd: this.repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group: a Ctrl-C reaches only this launcher, which stops things in order.
      detached: true,
    });
    const forward = (stream: NodeJS.WriteStream) => {
      const lines = new LineSplitter((line) => stream.write(prefixed(label, line)));
      return {
        data: (chunk: Buffer) => {
          lines.push(chunk.toString('utf8'));
        },
        end: () => {
          lines.flush();
        },
      };
    };
    const out = forward(process.stdout);
    const err = forward(process.stderr);
    child.stdout.on('data', out.data).on('end', out.end);
    child.stderr.on('data', err.data).on('end', err.end);
    return child;
  }

  private async migrate(service: Service, shared: NodeJS.ProcessEnv): Promise<void> {
    say(`migrating ${service.name}`);
    const child = this.spawnNode(
      service.name,
      this.entry(service, 'migrate'),
      this.serviceEnv(service, shared),
    );
    const key = `${service.name} migrations`;
    this.children.set(key, child);
    const spawned = new Promise<never>((_, reject) => {
      child.once('error', reject);
    });
    const exit = await Promise.race([waitForExit(child), spawned]);
    this.children.delete(key);
    if (this.isStopping()) return;
    if (exit.code !== 0) {
      throw new Error(`the migrations of ${service.name} failed (${describeExit(exit)})`);
    }
  }

  private startService(service: Service, shared: NodeJS.ProcessEnv): void {
    const child = this.spawnNode(
      service.name,
      this.entry(service, 'main'),
      this.serviceEnv(service, shared),
    );
    this.children.set(service.name, child);
    child.once('error', (error) => {
      this.requestStop(1, `${service.name} could not be started: ${error.message}`);
    });
    child.once('exit', (code, signal) => {
      this.requestStop(1, `${service.name} exited (${describeExit({ code, signal })})`);
    });
  }

  private async waitReady(service: Service): Promise<void> {
    const child = this.children.get(service.name);
    await waitForHttpOk(`http://127.0.0.1:${service.port}/health/ready`, {
      timeoutMs: READY_TIMEOUT_MS,
      abortReason: () => {
        if (this.isStopping()) return 'stopping';
        if (child === undefined || child.exitCode !== null || child.signalCode !== null) {
          return `${service.name} exited`;
        }
        return undefined;
      },
    }).catch((error: unknown) => {
      this.requestStop(1, `${service.name} did not become ready: ${errorMessage(error)}`);
    });
    if (!this.isStopping()) say(`${service.name} is ready`);
  }

  private printSummary(services: readonly Service[], infra: DevInfra): void {
    const rows: [string, string, string][] = [['service', 'URL', 'API docs']];
    for (const service of services) {
      const url = `http://127.0.0.1:${service.port}`;
      rows.push([service.name, url, `${url}/docs`]);
    }
    const nameWidth = Math.max(...rows.map(([name]) => name.length));
    const urlWidth = Math.max(...rows.map(([, url]) => url.length));
    say('Salur is running:');
    for (const [name, url, docs] of rows) {
      say(`  ${name.padEnd(nameWidth)}  ${url.padEnd(urlWidth)}  ${docs}`);
    }
    for (const service of services) {
      for (const page of service.pages) {
        say(`  ${service.name} ${page}: http://127.0.0.1:${service.port}${page}`);
      }
    }
    say(`  Kafka: ${infra.kafka.brokers.join(',')} (${infra.kafka.source})`);
    // A URL from the environment may carry a real password; one for a server found or started
    // here carries at most the embedded server's development password, which is worth showing.
    const databaseUrl =
      infra.postgres.source === 'env' ? redactUrl(infra.databaseUrl) : infra.databaseUrl;
    say(`  Postgres: ${databaseUrl} (${infra.postgres.source})`);
    say('Ctrl-C stops everything.');
  }

  private async stopAll(): Promise<void> {
    // Services first: while shutting down they may still commit offsets and write to Postgres.
    await Promise.all(
      [...this.children].map(async ([name, child]) => {
        const exit = await terminate(child, { timeoutMs: STOP_GRACE_MS });
        say(`${name} stopped (${describeExit(exit)})`);
      }),
    );
    this.children.clear();
    try {
      await this.infra?.stop();
    } catch (error) {
      say(`stopping Kafka or Postgres failed: ${errorMessage(error)}`);
    }
  }

  private killAll(): void {
    for (const child of this.children.values()) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    const brokerPid = this.infra?.kafka.local?.snapshot().pid;
    if (brokerPid !== undefined && brokerPid !== null) {
      try {
        process.kill(brokerPid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
}

new Launcher(findRepoRoot(__dirname)).run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(`failed: ${errorMessage(error)}`);
    process.exit(1);
  },
);
