import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { InfraLog } from './log';
import { runCommand } from './process';

export interface KafkaClasspath {
  readonly classpath: string;
  /** True when it came from the cache and Maven was not run. */
  readonly cached: boolean;
}

export function kafkaPomPath(repoRoot: string): string {
  return join(repoRoot, 'tools', 'kafka', 'pom.xml');
}

/** The cache file for a given pom: its name carries a hash of the pom, so editing the pom re-resolves. */
export function classpathCacheFile(repoRoot: string, pomContent: string): string {
  const hash = createHash('sha256').update(pomContent).digest('hex').slice(0, 16);
  return join(repoRoot, '.cache', 'kafka', `classpath-${hash}.txt`);
}

/**
 * The broker's runtime classpath (tools/kafka/pom.xml resolved by Maven, which downloads the jars
 * into the local Maven repository on first use). Cached under .cache/kafka; the cache is trusted
 * only while the pom is unchanged and every jar it lists still exists.
 */
export async function resolveKafkaClasspath(options: {
  repoRoot: string;
  log: InfraLog;
  env?: NodeJS.ProcessEnv;
}): Promise<KafkaClasspath> {
  const pom = kafkaPomPath(options.repoRoot);
  const pomContent = await readFile(pom, 'utf8');
  const cacheFile = classpathCacheFile(options.repoRoot, pomContent);
  const cached = await readCachedClasspath(cacheFile);
  if (cached !== undefined) return { classpath: cached, cached: true };

  options.log(`kafka: resolving the broker jars with Maven (${pom}); the first run downloads them`);
  await mkdir(join(options.repoRoot, '.cache', 'kafka'), { recursive: true });
  const outputFile = `${cacheFile}.${randomBytes(4).toString('hex')}.tmp`;
  const args = [
    '-q',
    '-B',
    '-Dstyle.color=never',
    '-f',
    pom,
    'dependency:build-classpath',
    `-Dmdep.outputFile=${outputFile}`,
  ];
  let result;
  try {
    result = await runCommand('mvn', args, { env: options.env, timeoutMs: 15 * 60_000 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'The local Kafka broker is fetched with Maven, but `mvn` was not found on PATH. Install ' +
          'Maven, set KAFKA_BROKERS to use a running broker, or run where a Docker engine is available.',
        { cause: error },
      );
    }
    throw error;
  }
  if (result.code !== 0 || !existsSync(outputFile)) {
    await rm(outputFile, { force: true });
    const tail = result.output.trim().split('\n').slice(-40).join('\n');
    throw new Error(
      `\`mvn ${args.join(' ')}\` failed (exit code ${result.code ?? result.signal ?? 'unknown'}):\n${tail}`,
    );
  }
  // Written under a unique name and renamed, so concurrent runs never read a half-written file.
  await rename(outputFile, cacheFile);
  await removeStaleCaches(cacheFile);
  const classpath = (await readFile(cacheFile, 'utf8')).trim();
  return { classpath, cached: false };
}

async function readCachedClasspath(cacheFile: string): Promise<string | undefined> {
  let classpath: string;
  try {
    classpath = (await readFile(cacheFile, 'utf8')).trim();
  } catch {
    return undefined;
  }
  const entries = classpath.split(delimiter).filter(Boolean);
  if (entries.length === 0 || !entries.every((jar) => existsSync(jar))) return undefined;
  return classpath;
}

async function removeStaleCaches(current: string): Promise<void> {
  const dir = join(current, '..');
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if (/^classpath-[0-9a-f]+\.txt$/.test(name) && path !== current)
      await rm(path, { force: true });
  }
}
