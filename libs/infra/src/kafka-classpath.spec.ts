import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { classpathCacheFile, kafkaPomPath, resolveKafkaClasspath } from './kafka-classpath';

describe('resolveKafkaClasspath', () => {
  let root: string;
  const log = jest.fn();

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'salur-classpath-'));
    mkdirSync(join(root, 'tools', 'kafka'), { recursive: true });
    mkdirSync(join(root, '.cache', 'kafka'), { recursive: true });
    writeFileSync(kafkaPomPath(root), '<project>v1</project>');
    log.mockClear();
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  function jar(name: string): string {
    const path = join(root, name);
    writeFileSync(path, '');
    return path;
  }

  it('keys the cache on the pom, so an edited pom is resolved again', () => {
    expect(classpathCacheFile(root, '<project>v1</project>')).not.toBe(
      classpathCacheFile(root, '<project>v2</project>'),
    );
    expect(classpathCacheFile(root, 'x')).toMatch(/\.cache\/kafka\/classpath-[0-9a-f]{16}\.txt$/);
  });

  it('uses the cached classpath without running Maven while every jar exists', async () => {
    const classpath = [jar('a.jar'), jar('b.jar')].join(delimiter);
    writeFileSync(classpathCacheFile(root, '<project>v1</project>'), `${classpath}\n`);
    // No mvn on this PATH: a cache miss would fail.
    await expect(
      resolveKafkaClasspath({ repoRoot: root, log, env: { PATH: '/nonexistent' } }),
    ).resolves.toEqual({ classpath, cached: true });
    expect(log).not.toHaveBeenCalled();
  });

  it('resolves again when a cached jar has gone, and says when Maven is missing', async () => {
    const classpath = [jar('a.jar'), join(root, 'deleted.jar')].join(delimiter);
    writeFileSync(classpathCacheFile(root, '<project>v1</project>'), classpath);
    await expect(
      resolveKafkaClasspath({ repoRoot: root, log, env: { PATH: '/nonexistent' } }),
    ).rejects.toThrow(/`mvn` was not found on PATH/);
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining('resolving the broker jars with Maven'),
    );
  });

  it('quotes Maven when it fails, and leaves no half-written cache file', async () => {
    const bin = join(root, 'bin');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'mvn'),
      '#!/bin/sh\necho "[ERROR] Could not resolve dependencies"\nexit 1\n',
      {
        mode: 0o755,
      },
    );
    await expect(
      resolveKafkaClasspath({
        repoRoot: root,
        log,
        env: { PATH: `${bin}${delimiter}/usr/bin:/bin` },
      }),
    ).rejects.toThrow(/failed \(exit code 1\):\n\[ERROR\] Could not resolve dependencies/);
    expect(readdirSync(join(root, '.cache', 'kafka'))).toEqual([]);
  });
});
