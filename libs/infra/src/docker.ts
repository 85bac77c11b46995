import { runCommand } from './process';

export interface DockerCheck {
  readonly available: boolean;
  /** Why not, in a few words, for the log line that explains the choice. */
  readonly reason: string;
}

/**
 * Whether a Docker engine answers: `docker info` must succeed within a few seconds. A docker CLI
 * without a reachable engine (a common state on laptops and CI runners) counts as no Docker.
 */
export async function checkDocker(
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 5_000,
): Promise<DockerCheck> {
  try {
    const result = await runCommand('docker', ['info', '--format', '{{.ServerVersion}}'], {
      env,
      timeoutMs,
    });
    if (result.code === 0) {
      return { available: true, reason: `Docker engine ${result.output.trim()} answers` };
    }
    if (result.signal !== null) {
      return { available: false, reason: `\`docker info\` did not answer within ${timeoutMs} ms` };
    }
    const firstLine =
      result.output
        .trim()
        .split('\n')
        .find((line) => line.trim() !== '') ?? '';
    return { available: false, reason: `\`docker info\` failed: ${firstLine.trim()}` };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { available: false, reason: 'no docker CLI on PATH' };
    }
    throw error;
  }
}
