import { spawn } from 'node:child_process';

/**
 * Runs a built bench script (`node <entry> args…`) to completion; stderr passes through, stdout
 * is returned. Throws when it exits non-zero.
 */
export function runScript(
  entry: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${entry} exited with ${code ?? signal}:\n${out}`));
    });
  });
}
