import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessageWithCauses } from './log';

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export function describeExit({ code, signal }: ExitInfo): string {
  return signal === null ? `exit code ${code ?? 'unknown'}` : `signal ${signal}`;
}

export interface CommandResult extends ExitInfo {
  /** stdout and stderr interleaved as they arrived. */
  readonly output: string;
}

export interface RunCommandOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  /** Called with each complete output line, e.g. to prefix and forward it. */
  readonly onLine?: (line: string) => void;
}

/**
 * Runs a command to completion and collects its output. Rejects only when the command cannot be
 * started (the error keeps Node's `code`, so ENOENT tells "not installed" apart); a non-zero exit is
 * a result the caller judges.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunCommandOptions = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const lines = new LineSplitter((line) => options.onLine?.(line));
    const collect = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      output += text;
      lines.push(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      lines.flush();
      resolve({ code, signal, output });
    });
  });
}

/** Splits a stream of text into lines; `flush` emits a trailing partial line. */
export class LineSplitter {
  private pending = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(text: string): void {
    const parts = (this.pending + text).split(/\r?\n/);
    this.pending = parts.pop() ?? '';
    for (const line of parts) this.onLine(line);
  }

  flush(): void {
    if (this.pending !== '') this.onLine(this.pending);
    this.pending = '';
  }
}

/** Resolves when the child has exited (at once if it already has). */
export function waitForExit(child: ChildProcess): Promise<ExitInfo> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
}

/**
 * Asks a child to stop with `signal` (SIGTERM by default) and waits; sends SIGKILL when it is still
 * running after `timeoutMs`.
 */
export async function terminate(
  child: ChildProcess,
  options: { timeoutMs: number; signal?: NodeJS.Signals },
): Promise<ExitInfo> {
  const exited = waitForExit(child);
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  signalChild(child, options.signal ?? 'SIGTERM');
  const timer = setTimeout(() => {
    signalChild(child, 'SIGKILL');
  }, options.timeoutMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

function signalChild(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    child.kill(signal);
  } catch {
    // Already gone between the check and the signal.
  }
}

/**
 * Whether a process with this pid exists and has not exited. A zombie (exited, not yet reaped by
 * its parent) counts as exited: it holds no ports or files any more.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = `/proc/${pid}/stat`;
  if (existsSync(stat)) {
    try {
      // The state follows the parenthesised command name, which may itself contain spaces.
      const text = readFileSync(stat, 'utf8');
      return text.slice(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3) !== 'Z';
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * The command line of a running process, or undefined where it cannot be read. Used before
 * signalling a pid read from a file, so that a recycled pid is never signalled.
 */
export async function processCommandLine(pid: number): Promise<string | undefined> {
  const proc = `/proc/${pid}/cmdline`;
  if (existsSync(proc)) {
    try {
      return readFileSync(proc, 'utf8').split('\0').join(' ').trim();
    } catch {
      return undefined;
    }
  }
  try {
    const result = await runCommand('ps', ['-o', 'command=', '-p', String(pid)]);
    return result.code === 0 ? result.output.trim() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stops a process that is not our child (only its pid is known): `signal`, then polls until it is
 * gone; SIGKILL after `timeoutMs`.
 */
export async function terminatePid(
  pid: number,
  options: { timeoutMs: number; signal?: NodeJS.Signals },
): Promise<void> {
  if (!sendSignal(pid, options.signal ?? 'SIGTERM')) return;
  if (await pollUntilGone(pid, options.timeoutMs)) return;
  sendSignal(pid, 'SIGKILL');
  if (!(await pollUntilGone(pid, 10_000))) {
    throw new Error(`Process ${pid} is still running after SIGKILL`);
  }
}

function sendSignal(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

async function pollUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await sleep(50);
  }
  return !isProcessAlive(pid);
}

/** The last `lines` lines of a text file ('' when it does not exist), reading at most 64 KiB. */
export async function tailFile(path: string, lines: number): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return '';
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return buffer.toString('utf8').split(/\r?\n/).filter(Boolean).slice(-lines).join('\n');
  } finally {
    await handle.close();
  }
}

export interface WaitForHttpOptions {
  readonly timeoutMs: number;
  readonly intervalMs?: number;
  /** Checked between attempts; a message aborts the wait with that reason (e.g. "it exited"). */
  readonly abortReason?: () => string | undefined;
}

/** Polls `url` until it answers 200; throws with the last status or error on timeout or abort. */
export async function waitForHttpOk(url: string, options: WaitForHttpOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let last: string;
  for (;;) {
    const aborted = options.abortReason?.();
    if (aborted !== undefined) throw new Error(`Stopped waiting for ${url}: ${aborted}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      // fetch() says only "fetch failed"; the cause says ECONNREFUSED or similar.
      last = errorMessageWithCauses(error);
    }
    if (Date.now() >= deadline) {
      throw new Error(`${url} did not answer 200 within ${options.timeoutMs} ms (last: ${last})`);
    }
    await sleep(options.intervalMs ?? 200);
  }
}
