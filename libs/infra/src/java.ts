import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './process';

export const MIN_JAVA_VERSION = 17;

/**
 * The major version in `java -version` output: `"17.0.15"` is 17, the old scheme `"1.8.0_392"` is 8,
 * early-access builds like `"25-ea"` are 25.
 */
export function parseJavaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (match === null) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

const HOW_TO_AVOID =
  'Install Java 17 or newer (or set JAVA_HOME), set KAFKA_BROKERS to use a running broker, or ' +
  'run where a Docker engine is available.';

/** The java binary to run the broker with (JAVA_HOME first, then PATH), checked to be 17+. */
export async function findJava(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromHome = env.JAVA_HOME === undefined ? undefined : join(env.JAVA_HOME, 'bin', 'java');
  const java = fromHome !== undefined && existsSync(fromHome) ? fromHome : 'java';
  let output: string;
  try {
    output = (await runCommand(java, ['-version'], { env, timeoutMs: 30_000 })).output;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `The local Kafka broker needs Java, but \`${java}\` was not found. ${HOW_TO_AVOID}`,
        { cause: error },
      );
    }
    throw error;
  }
  const major = parseJavaMajorVersion(output);
  if (major === undefined) {
    throw new Error(`Cannot tell the Java version from \`${java} -version\`: ${output.trim()}`);
  }
  if (major < MIN_JAVA_VERSION) {
    throw new Error(
      `The local Kafka broker needs Java ${MIN_JAVA_VERSION}+, but \`${java}\` is Java ${major}. ${HOW_TO_AVOID}`,
    );
  }
  return java;
}
