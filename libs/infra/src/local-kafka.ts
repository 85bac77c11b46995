import { spawn, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { newKafkaClusterId, renderBrokerProperties } from './broker-properties';
import { findJava } from './java';
import { resolveKafkaClasspath } from './kafka-classpath';
import { waitForKafka } from './kafka-probe';
import { errorMessage, stderrLog, type InfraLog } from './log';
import { freePorts, isPortFree } from './ports';
import {
  describeExit,
  isProcessAlive,
  processCommandLine,
  runCommand,
  tailFile,
  terminate,
  terminatePid,
  type ExitInfo,
} from './process';
import { findRepoRoot } from './repo-root';

export interface LocalKafkaOptions {
  /** Kept across stop/start and across runs. Default: a new temporary directory that `destroy()` removes. */
  readonly dataDir?: string;
  /** Default: a free port, chosen once and kept for every later start of this broker. */
  readonly brokerPort?: number;
  readonly controllerPort?: number;
  /** Ports to use when they are free at the first start (e.g. 9092), instead of any free ones. */
  readonly preferredPorts?: { readonly broker: number; readonly controller: number };
  /** The JVM's -Xmx. Default 512m. */
  readonly heap?: string;
  /** How long to wait for the broker to answer. Default 60 s (the first run also downloads jars). */
  readonly startTimeoutMs?: number;
  /** How long SIGTERM may take before SIGKILL. Default 20 s. */
  readonly stopTimeoutMs?: number;
  /**
   * Run the JVM in its own process group, so a Ctrl-C in the terminal reaches only the launcher,
   * which then stops things in order. Default false: a Ctrl-C stops the broker directly.
   */
  readonly detached?: boolean;
  readonly repoRoot?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: InfraLog;
}

/**
 * Everything needed to control a broker from another process (e.g. a jest worker stopping the
 * broker that the global setup started). Plain data, safe to write as JSON.
 */
export interface LocalKafkaSnapshot {
  readonly dataDir: string;
  /** Whether `destroy()` removes the data directory. */
  readonly ephemeral: boolean;
  readonly brokerPort: number;
  readonly controllerPort: number;
  readonly java: string;
  readonly classpath: string;
  readonly log4jConfig: string;
  readonly heap: string;
  readonly detached: boolean;
  /** The running JVM, or null when stopped. */
  readonly pid: number | null;
  /** How long the last start took, from launching the JVM to the broker answering. */
  readonly startupMs: number | null;
}

export interface BrokerExit extends ExitInfo {
  readonly pid: number;
  /** The end of the broker's log, to say why. */
  readonly logTail: string;
}

type Settings = Omit<LocalKafkaSnapshot, 'pid' | 'startupMs'>;

interface PidFile {
  readonly pid: number;
  /** The process that launched the broker; while it lives, the data directory is taken. */
  readonly ownerPid: number;
  readonly brokerPort: number;
}

/**
 * A single-node Apache Kafka (KRaft, broker and controller in one JVM) run from the official jars,
 * for machines without Docker. The jars come from Maven (tools/kafka/pom.xml); the broker listens on
 * 127.0.0.1 only. `stop()` and `start()` keep the ports and the data directory, so a test can take
 * the broker away and bring it back with its topics and messages.
 */
export class LocalKafka {
  private settings?: Settings;
  private child?: ChildProcess;
  private pid: number | null = null;
  private lastStartupMs: number | null = null;
  private stopping = false;
  private starting?: Promise<void>;
  private readonly exitListeners = new Set<(exit: BrokerExit) => void>();
  private readonly log: InfraLog;

  constructor(private readonly options: LocalKafkaOptions = {}) {
    this.log = options.log ?? stderrLog;
  }

  /** Takes control of a broker described by a snapshot (running or not), e.g. in another process. */
  static attach(
    snapshot: LocalKafkaSnapshot,
    options: Pick<LocalKafkaOptions, 'startTimeoutMs' | 'stopTimeoutMs' | 'env' | 'log'> = {},
  ): LocalKafka {
    const kafka = new LocalKafka({ ...options, detached: snapshot.detached });
    const { pid, startupMs, ...settings } = snapshot;
    kafka.settings = settings;
    kafka.pid = pid !== null && isProcessAlive(pid) ? pid : null;
    kafka.lastStartupMs = startupMs;
    return kafka;
  }

  /** `host:port` of the broker listener. Known once `start()` has been called. */
  get brokers(): string[] {
    return [`127.0.0.1:${this.requireSettings().brokerPort}`];
  }

  get dataDir(): string {
    return this.requireSettings().dataDir;
  }

  /** Milliseconds the last successful start took (JVM launch to the broker answering). */
  get startupMs(): number | null {
    return this.lastStartupMs;
  }

  isRunning(): boolean {
    return this.pid !== null && isProcessAlive(this.pid);
  }

  snapshot(): LocalKafkaSnapshot {
    return { ...this.requireSettings(), pid: this.pid, startupMs: this.lastStartupMs };
  }

  /**
   * Called when the broker exits without `stop()` having been asked for (a crash, an OOM, someone
   * killing it). Returns a function that removes the listener.
   */
  onUnexpectedExit(listener: (exit: BrokerExit) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  /** Starts the broker and resolves once it answers; a no-op when it is already running. */
  start(): Promise<void> {
    this.starting ??= this.startOnce().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  /** SIGTERM and wait for the JVM to exit; SIGKILL after the stop timeout. Keeps the data. */
  async stop(): Promise<void> {
    await this.starting?.catch(() => undefined);
    const pid = this.pid;
    if (pid === null || this.settings === undefined) return;
    this.stopping = true;
    try {
      // Removed first: an exit while no pid file names the process is an intended one, which is
      // how another process holding this broker tells a stop from a crash.
      rmSync(this.pidFile, { force: true });
      const timeoutMs = this.options.stopTimeoutMs ?? 20_000;
      if (this.child !== undefined) {
        await terminate(this.child, { timeoutMs });
      } else if (await this.isOurBroker(pid)) {
        await terminatePid(pid, { timeoutMs });
      }
    } finally {
      this.child = undefined;
      this.pid = null;
      this.stopping = false;
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Stops the broker and, when the data directory was a temporary one, removes it. */
  async destroy(): Promise<void> {
    await this.stop();
    if (this.settings?.ephemeral === true) {
      await rm(this.settings.dataDir, { recursive: true, force: true });
    }
  }

  private get pidFile(): string {
    return join(this.requireSettings().dataDir, 'broker.pid');
  }

  private get propertiesFile(): string {
    return join(this.requireSettings().dataDir, 'server.properties');
  }

  private get serverLog(): string {
    return join(this.requireSettings().dataDir, 'logs', 'server.log');
  }

  private get stdoutLog(): string {
    return join(this.requireSettings().dataDir, 'logs', 'stdout.log');
  }

  private requireSettings(): Settings {
    if (this.settings === undefined) {
      throw new Error('The local Kafka broker has not been started yet');
    }
    return this.settings;
  }

  private async startOnce(): Promise<void> {
    const settings = await this.prepare();
    if (this.isRunning()) return;
    this.pid = null;
    const began = performance.now();
    await mkdir(join(settings.dataDir, 'logs'), { recursive: true });
    await this.takeOverDataDir(settings.dataDir);
    await writeFile(
      this.propertiesFile,
      renderBrokerProperties({
        brokerPort: settings.brokerPort,
        controllerPort: settings.controllerPort,
        logDir: join(settings.dataDir, 'kraft'),
      }),
    );
    await this.ensurePortsFree(settings);
    await this.formatStorageIfNeeded(settings);
    const child = this.spawnBroker(settings);
    await this.waitUntilReady(settings, child);
    this.lastStartupMs = Math.round(performance.now() - began);
    this.log(
      `kafka: local broker ready on ${this.brokers.join(',')} in ${(this.lastStartupMs / 1000).toFixed(1)} s ` +
        `(pid ${child.pid ?? '?'}, data in ${settings.dataDir})`,
    );
  }

  private async prepare(): Promise<Settings> {
    if (this.settings !== undefined) return this.settings;
    const repoRoot = this.options.repoRoot ?? findRepoRoot();
    const env = this.options.env ?? process.env;
    const java = await findJava(env);
    const began = performance.now();
    const { classpath, cached } = await resolveKafkaClasspath({ repoRoot, log: this.log, env });
    if (!cached) {
      this.log(`kafka: broker jars resolved in ${Math.round(performance.now() - began)} ms`);
    }
    const ephemeral = this.options.dataDir === undefined;
    const dataDir = this.options.dataDir ?? (await mkdtemp(join(tmpdir(), 'salur-kafka-')));
    // Before choosing ports: a leftover broker on this data directory may hold the preferred ones.
    await this.takeOverDataDir(dataDir);
    const [brokerPort, controllerPort] = await this.choosePorts();
    this.settings = {
      dataDir,
      ephemeral,
      brokerPort,
      controllerPort,
      java,
      classpath,
      log4jConfig: join(repoRoot, 'tools', 'kafka', 'log4j2.properties'),
      heap: this.options.heap ?? '512m',
      detached: this.options.detached ?? false,
    };
    return this.settings;
  }

  private async choosePorts(): Promise<[number, number]> {
    const { brokerPort, controllerPort, preferredPorts } = this.options;
    if (brokerPort !== undefined && controllerPort !== undefined) {
      return [brokerPort, controllerPort];
    }
    if (
      brokerPort === undefined &&
      controllerPort === undefined &&
      preferredPorts !== undefined &&
      (await isPortFree(preferredPorts.broker)) &&
      (await isPortFree(preferredPorts.controller))
    ) {
      return [preferredPorts.broker, preferredPorts.controller];
    }
    const taken = [brokerPort, controllerPort].filter((port) => port !== undefined);
    for (;;) {
      const [a, b] = await freePorts(2);
      if (taken.includes(a) || taken.includes(b)) continue;
      return [brokerPort ?? a, controllerPort ?? b];
    }
  }

  /**
   * A broker left running by a launcher that died would hold the data directory's lock and the
   * ports. Stop it when its launcher is gone; refuse when the launcher still lives (two launchers
   * sharing one data directory).
   */
  private async takeOverDataDir(dataDir: string): Promise<void> {
    const recorded = readPidFile(join(dataDir, 'broker.pid'));
    if (recorded === undefined || !isProcessAlive(recorded.pid)) return;
    if (!(await isBrokerOf(recorded.pid, join(dataDir, 'server.properties')))) return;
    if (isProcessAlive(recorded.ownerPid)) {
      throw new Error(
        `The Kafka data directory ${dataDir} is in use by broker pid ${recorded.pid} ` +
          `(127.0.0.1:${recorded.brokerPort}), started by process ${recorded.ownerPid}. Stop that ` +
          `process, or use its broker with KAFKA_BROKERS=127.0.0.1:${recorded.brokerPort}`,
      );
    }
    this.log(
      `kafka: stopping broker pid ${recorded.pid} left running on this data directory by a launcher that is gone`,
    );
    await terminatePid(recorded.pid, { timeoutMs: this.options.stopTimeoutMs ?? 20_000 });
  }

  private async formatStorageIfNeeded(settings: Settings): Promise<void> {
    if (existsSync(join(settings.dataDir, 'kraft', 'meta.properties'))) return;
    const args = [
      ...this.jvmArgs(settings, '256m'),
      'kafka.tools.StorageTool',
      'format',
      '--ignore-formatted',
      '--cluster-id',
      newKafkaClusterId(),
      '--config',
      this.propertiesFile,
    ];
    const result = await runCommand(settings.java, args, {
      cwd: settings.dataDir,
      env: this.javaEnv(settings),
      timeoutMs: 120_000,
    });
    if (result.code !== 0) {
      throw new Error(
        `Formatting the Kafka storage in ${settings.dataDir} failed (${describeExit(result)}):\n` +
          result.output.trim(),
      );
    }
  }

  private async ensurePortsFree(settings: Settings): Promise<void> {
    for (const [port, role] of [
      [settings.brokerPort, 'broker'],
      [settings.controllerPort, 'controller'],
    ] as const) {
      if (!(await isPortFree(port))) {
        throw new Error(
          `Cannot start the local Kafka broker: 127.0.0.1:${port} (its ${role} listener) is in use by another process`,
        );
      }
    }
  }

  private spawnBroker(settings: Settings): ChildProcess {
    // stdout and stderr go to a file, not a pipe: the broker must keep running (and keep being
    // able to write) after the process that launched it exits, e.g. a jest worker.
    const out = openSync(this.stdoutLog, 'a');
    let child: ChildProcess;
    try {
      child = spawn(
        settings.java,
        [...this.jvmArgs(settings, settings.heap), 'kafka.Kafka', this.propertiesFile],
        {
          cwd: settings.dataDir,
          env: this.javaEnv(settings),
          stdio: ['ignore', out, out],
          detached: settings.detached,
        },
      );
    } finally {
      closeSync(out);
    }
    // The broker's lifetime is governed by stop(), not by whether this process has other work.
    child.unref();
    this.child = child;
    this.pid = child.pid ?? null;
    if (child.pid !== undefined) {
      const record: PidFile = {
        pid: child.pid,
        ownerPid: process.pid,
        brokerPort: settings.brokerPort,
      };
      // Synchronous so it is on disk before anyone can ask this broker to stop.
      writeFileSyncAtomic(this.pidFile, JSON.stringify(record));
    }
    child.once('exit', (code, signal) => {
      this.onChildExit(child, { code, signal });
    });
    return child;
  }

  private jvmArgs(settings: Settings, heap: string): string[] {
    return [
      `-Xmx${heap}`,
      // A development and test broker starts far more often than it runs long: the client
      // compiler alone and the serial collector cut the start time on small machines noticeably.
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Djava.awt.headless=true',
      '-Djava.net.preferIPv4Stack=true',
      `-Dlog4j2.configurationFile=${settings.log4jConfig}`,
      `-Dkafka.logs.dir=${join(settings.dataDir, 'logs')}`,
    ];
  }

  private javaEnv(settings: Settings): NodeJS.ProcessEnv {
    // The classpath goes in the environment rather than on the command line, which keeps `ps`
    // output readable (it is some fifty jars).
    return { ...(this.options.env ?? process.env), CLASSPATH: settings.classpath };
  }

  private async waitUntilReady(settings: Settings, child: ChildProcess): Promise<void> {
    let exit: ExitInfo | undefined;
    let spawnError: Error | undefined;
    child.once('exit', (code, signal) => {
      exit = { code, signal };
    });
    child.once('error', (error) => {
      spawnError = error;
    });
    try {
      await waitForKafka(this.brokers, {
        timeoutMs: this.options.startTimeoutMs ?? 60_000,
        abortReason: () => {
          if (spawnError !== undefined) return `java could not be started: ${spawnError.message}`;
          if (exit !== undefined)
            return `the broker process exited during startup (${describeExit(exit)})`;
          return undefined;
        },
      });
    } catch (error) {
      if (exit === undefined && spawnError === undefined) {
        this.stopping = true;
        await terminate(child, { timeoutMs: 5_000 }).finally(() => {
          this.stopping = false;
        });
      }
      rmSync(this.pidFile, { force: true });
      this.child = undefined;
      this.pid = null;
      throw new Error(
        `The local Kafka broker did not start: ${errorMessage(error)}\n${await this.logTail(settings)}`,
        { cause: error },
      );
    }
  }

  private onChildExit(child: ChildProcess, exit: ExitInfo): void {
    if (this.child !== child) return;
    const pid = child.pid ?? -1;
    this.child = undefined;
    this.pid = null;
    const recorded = readPidFile(this.pidFile);
    const intended = this.stopping || recorded?.pid !== pid;
    if (intended || this.starting !== undefined) return;
    rmSync(this.pidFile, { force: true });
    void this.reportUnexpectedExit(pid, exit);
  }

  private async reportUnexpectedExit(pid: number, exit: ExitInfo): Promise<void> {
    const logTail = await this.logTail(this.requireSettings()).catch((error: unknown) =>
      errorMessage(error),
    );
    this.log(
      `kafka: the local broker (pid ${pid}) exited unexpectedly (${describeExit(exit)})\n${logTail}`,
    );
    for (const listener of this.exitListeners) {
      try {
        listener({ ...exit, pid, logTail });
      } catch (error) {
        this.log(`kafka: an exit listener failed: ${errorMessage(error)}`);
      }
    }
  }

  private async logTail(settings: Settings): Promise<string> {
    const sections: string[] = [];
    for (const file of [this.serverLog, this.stdoutLog]) {
      const tail = await tailFile(file, 30);
      if (tail !== '') sections.push(`--- last lines of ${file} ---\n${tail}`);
    }
    return sections.length > 0
      ? sections.join('\n')
      : `(no broker log in ${join(settings.dataDir, 'logs')})`;
  }

  private isOurBroker(pid: number): Promise<boolean> {
    return isBrokerOf(pid, this.propertiesFile);
  }
}

/** Whether `pid` is a broker started with this properties file (and not a recycled pid). */
async function isBrokerOf(pid: number, propertiesFile: string): Promise<boolean> {
  const commandLine = await processCommandLine(pid);
  // Where the command line cannot be read, trust the pid that was recorded.
  if (commandLine === undefined) return true;
  return commandLine.includes('kafka.Kafka') && commandLine.includes(propertiesFile);
}

function readPidFile(path: string): PidFile | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'pid' in parsed &&
      'ownerPid' in parsed &&
      'brokerPort' in parsed &&
      typeof parsed.pid === 'number' &&
      typeof parsed.ownerPid === 'number' &&
      typeof parsed.brokerPort === 'number'
    ) {
      return { pid: parsed.pid, ownerPid: parsed.ownerPid, brokerPort: parsed.brokerPort };
    }
  } catch {
    // Missing or half-written: treat as no record.
  }
  return undefined;
}

function writeFileSyncAtomic(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}
