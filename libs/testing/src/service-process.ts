import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import {
  describeExit,
  errorMessage,
  findRepoRoot,
  terminate,
  waitForExit,
  waitForHttpOk,
  type ExitInfo,
} from './infra';
import { uniqueName } from './unique-name';
import { waitFor } from './wait-for';

export interface ServiceProcessOptions {
  /** Names the log file and appears in errors, e.g. `intake`. */
  readonly name: string;
  /** The compiled entry point, e.g. `dist/apps/intake/src/main.js`; relative to the repository root. */
  readonly entry: string;
  /** Passed as PORT; readiness is checked on 127.0.0.1 at this port. */
  readonly port: number;
  /** Added to this process's environment (and overriding it). */
  readonly env?: NodeJS.ProcessEnv;
  readonly readyPath?: string;
  /** Default 60 s. */
  readonly readyTimeoutMs?: number;
  /** How long SIGTERM may take before SIGKILL. Default 15 s. */
  readonly stopTimeoutMs?: number;
  readonly nodeArgs?: readonly string[];
}

// Enough for any test's assertions; keeps a chatty service from growing the test process unbounded.
const MAX_BUFFERED_CHARS = 8 * 1024 * 1024;

/**
 * A service run as its own Node process, the way it runs in production, for end-to-end tests.
 * Its stdout and stderr are kept in memory (`output`) and written to a file under
 * .cache/test-logs/ for reading after a failed run.
 */
export class ServiceProcess {
  readonly baseUrl: string;
  readonly logFile: string;
  private child?: ChildProcess;
  private closed: Promise<void> = Promise.resolve();
  private buffer = '';
  private readonly log: WriteStream;
  private readonly repoRoot: string;

  constructor(private readonly options: ServiceProcessOptions) {
    this.repoRoot = findRepoRoot();
    this.baseUrl = `http://127.0.0.1:${options.port}`;
    const logDir = join(this.repoRoot, '.cache', 'test-logs');
    mkdirSync(logDir, { recursive: true });
    this.logFile = join(logDir, `${uniqueName(options.name)}.log`);
    this.log = createWriteStream(this.logFile, { flags: 'a' });
  }

  /** Everything the process wrote to stdout and stderr, across restarts. */
  get output(): string {
    return this.buffer;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  isRunning(): boolean {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  /** Spawns the service and resolves when its readiness endpoint answers 200. */
  async start(): Promise<void> {
    if (this.isRunning()) throw new Error(`${this.options.name} is already running`);
    const entry = isAbsolute(this.options.entry)
      ? this.options.entry
      : join(this.repoRoot, this.options.entry);
    this.record(
      `--- ${new Date().toISOString()} starting node ${entry} on port ${this.options.port}\n`,
    );
    const child = spawn(process.execPath, [...(this.options.nodeArgs ?? []), entry], {
      cwd: this.repoRoot,
      env: { ...process.env, ...this.options.env, PORT: String(this.options.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    // 'close' comes after the last output, unlike 'exit': waiting for it makes `output` complete.
    this.closed = new Promise((resolve) => {
      child.once('close', () => {
        resolve();
      });
    });
    child.stdout.on('data', (chunk: Buffer) => {
      this.record(chunk.toString('utf8'));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      this.record(chunk.toString('utf8'));
    });
    let failure: string | undefined;
    child.once('error', (error) => {
      failure = `could not be started: ${error.message}`;
    });
    child.once('exit', (code, signal) => {
      failure ??= `exited (${describeExit({ code, signal })})`;
      this.record(`--- ${new Date().toISOString()} exited (${describeExit({ code, signal })})\n`);
    });
    try {
      await waitForHttpOk(`${this.baseUrl}${this.options.readyPath ?? '/health/ready'}`, {
        timeoutMs: this.options.readyTimeoutMs ?? 60_000,
        abortReason: () => failure,
      });
    } catch (error) {
      await this.kill();
      throw new Error(
        `${this.options.name} did not become ready: ${errorMessage(error)}\n` +
          `--- last output (all of it in ${this.logFile}) ---\n${this.tail(60)}`,
        { cause: error },
      );
    }
  }

  /** SIGTERM, as an orchestrator would send, and wait for the exit; SIGKILL after the stop timeout. */
  stop(): Promise<ExitInfo> {
    return this.signal('SIGTERM');
  }

  /** SIGKILL: a crash, with no chance to clean up. */
  kill(): Promise<ExitInfo> {
    return this.signal('SIGKILL');
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Resolves when the process exits (at once if it is not running). */
  waitForExit(): Promise<ExitInfo> {
    return this.child === undefined
      ? Promise.resolve({ code: null, signal: null })
      : waitForExit(this.child);
  }

  /** Waits until the output contains `pattern`, e.g. a log line a test needs to see. */
  async waitForOutput(pattern: string | RegExp, timeoutMs = 10_000): Promise<void> {
    await waitFor(
      () =>
        typeof pattern === 'string' ? this.buffer.includes(pattern) : pattern.test(this.buffer),
      { timeoutMs, description: `${this.options.name} to print ${String(pattern)}` },
    );
  }

  /** The last `lines` lines of output. */
  tail(lines: number): string {
    return this.buffer
      .split('\n')
      .slice(-lines - 1)
      .join('\n');
  }

  /** Stops the process if it runs and closes the log file. */
  async dispose(): Promise<void> {
    if (this.isRunning()) await this.stop();
    await new Promise<void>((resolve) => {
      this.log.end(() => {
        resolve();
      });
    });
  }

  private async signal(signal: NodeJS.Signals): Promise<ExitInfo> {
    const child = this.child;
    if (child === undefined) return { code: null, signal: null };
    const exit = await terminate(child, {
      signal,
      timeoutMs: this.options.stopTimeoutMs ?? 15_000,
    });
    await this.closed;
    return exit;
  }

  private record(text: string): void {
    this.buffer += text;
    if (this.buffer.length > MAX_BUFFERED_CHARS) {
      this.buffer = this.buffer.slice(this.buffer.length - MAX_BUFFERED_CHARS);
    }
    if (!this.log.writableEnded) this.log.write(text);
  }
}
