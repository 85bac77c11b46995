import { spawn } from 'node:child_process';
import {
  describeExit,
  isProcessAlive,
  LineSplitter,
  runCommand,
  terminate,
  terminatePid,
  waitForExit,
  waitForHttpOk,
} from './process';
import { freePort } from './ports';

describe('LineSplitter', () => {
  it('emits whole lines across chunk boundaries and the rest on flush', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    splitter.push('first li');
    splitter.push('ne\r\nsecond\nthi');
    expect(lines).toEqual(['first line', 'second']);
    splitter.flush();
    expect(lines).toEqual(['first line', 'second', 'thi']);
  });
});

describe('describeExit', () => {
  it('names the signal when there is one, else the code', () => {
    expect(describeExit({ code: 3, signal: null })).toBe('exit code 3');
    expect(describeExit({ code: null, signal: 'SIGKILL' })).toBe('signal SIGKILL');
  });
});

describe('runCommand', () => {
  it('collects output and reports the exit code', async () => {
    const result = await runCommand(process.execPath, [
      '-e',
      'console.log("out"); console.error("err"); process.exit(4)',
    ]);
    expect(result.code).toBe(4);
    expect(result.output).toContain('out');
    expect(result.output).toContain('err');
  });

  it('rejects with ENOENT when the command does not exist', async () => {
    await expect(runCommand('salur-no-such-command', [])).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

// Prints "ready" once it ignores SIGTERM, so the test never signals it too early.
const STUBBORN =
  'process.on("SIGTERM", () => {}); console.log("ready"); setInterval(() => {}, 1000);';

function stubborn() {
  const child = spawn(process.execPath, ['-e', STUBBORN], { stdio: ['ignore', 'pipe', 'ignore'] });
  const ready = new Promise<void>((resolve) => {
    child.stdout.once('data', () => {
      resolve();
    });
  });
  return { child, ready };
}

describe('terminate', () => {
  it('escalates to SIGKILL when SIGTERM is ignored', async () => {
    const { child, ready } = stubborn();
    await ready;
    await expect(terminate(child, { timeoutMs: 300 })).resolves.toEqual({
      code: null,
      signal: 'SIGKILL',
    });
  });

  it('returns at once for a process that has already exited', async () => {
    const child = spawn(process.execPath, ['-e', 'process.exit(2)']);
    await waitForExit(child);
    await expect(terminate(child, { timeoutMs: 10 })).resolves.toEqual({ code: 2, signal: null });
  });
});

describe('terminatePid', () => {
  it('stops a process known only by its pid, escalating to SIGKILL', async () => {
    const { child, ready } = stubborn();
    await ready;
    const exited = waitForExit(child);
    await terminatePid(child.pid!, { timeoutMs: 300 });
    await expect(exited).resolves.toEqual({ code: null, signal: 'SIGKILL' });
    expect(isProcessAlive(child.pid!)).toBe(false);
  });
});

describe('waitForHttpOk', () => {
  it('reports the last error and the URL when nothing answers', async () => {
    const url = `http://127.0.0.1:${await freePort()}/health/ready`;
    await expect(waitForHttpOk(url, { timeoutMs: 300, intervalMs: 50 })).rejects.toThrow(
      new RegExp(`${url} did not answer 200 within 300 ms \\(last: .*ECONNREFUSED`),
    );
  });

  it('stops waiting with the reason when asked to', async () => {
    const url = `http://127.0.0.1:${await freePort()}/`;
    await expect(
      waitForHttpOk(url, { timeoutMs: 10_000, abortReason: () => 'the service exited' }),
    ).rejects.toThrow(`Stopped waiting for ${url}: the service exited`);
  });
});
