import { loadConfig } from '@salur/platform';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { envClasses, requiredVariables } from './service-config';

const root = join(__dirname, '..', '..');

interface ComposeService {
  command?: string[] | string;
  environment?: Record<string, string | number>;
  healthcheck?: unknown;
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
}
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Partial<Record<string, ComposeService>>;
};

function stringEnv(env: Record<string, string | number> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
}

describe('docker-compose.yml', () => {
  it('runs Kafka in KRaft mode and Postgres, both with health checks', () => {
    expect(compose.services.kafka?.environment?.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(compose.services.kafka?.healthcheck).toBeDefined();
    expect(compose.services.postgres?.healthcheck).toBeDefined();
  });

  it('runs every service migration before the services start', () => {
    const migrate = compose.services.migrate!;
    const command = ([] as string[]).concat(migrate.command ?? []).join(' ');
    for (const service of Object.keys(envClasses)) {
      expect(command).toContain(`dist/apps/${service}/src/migrate.js`);
      expect(existsSync(join(root, 'apps', service, 'src', 'migrate.ts'))).toBe(true);
      expect(compose.services[service]?.depends_on?.migrate.condition).toBe(
        'service_completed_successfully',
      );
    }
  });

  describe.each(Object.entries(envClasses))('%s', (service, envClass) => {
    const definition = compose.services[service]!;

    it('sets every variable the service requires, and the result is a valid configuration', () => {
      const env = stringEnv(definition.environment);
      const required = requiredVariables(envClass);
      expect(required.length).toBeGreaterThan(0);
      for (const variable of required) expect(Object.keys(env)).toContain(variable);
      expect(() => loadConfig(envClass, env)).not.toThrow();
    });

    it('starts the built entry point of that service on its published port', () => {
      const command = ([] as string[]).concat(definition.command ?? []);
      expect(command).toEqual(['node', `dist/apps/${service}/src/main.js`]);
      expect(existsSync(join(root, 'apps', service, 'src', 'main.ts'))).toBe(true);
      const config = loadConfig(envClass, stringEnv(definition.environment));
      expect(definition.ports).toEqual([`${config.PORT}:${config.PORT}`]);
      expect(JSON.stringify(definition.healthcheck)).toContain(`:${config.PORT}/health/ready`);
    });
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const stages = [...dockerfile.matchAll(/^FROM\s+(\S+)\s+AS\s+(\S+)/gim)].map((m) => m[2]);

  it('builds in one stage and runs in a slim one as a non-root user', () => {
    expect(stages).toEqual(['build', 'runtime']);
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toContain('COPY --from=build');
    expect(runtime).not.toMatch(/npm (ci|install)/);
  });

  it('starts an entry point the build emits', () => {
    const cmd = /^CMD \["node", "dist\/apps\/(\w+)\/src\/main\.js"\]$/m.exec(dockerfile);
    expect(cmd).not.toBeNull();
    expect(existsSync(join(root, 'apps', cmd![1], 'src', 'main.ts'))).toBe(true);
  });

  it('copies into the build stage every source folder the build compiles', () => {
    const build = dockerfile.slice(0, dockerfile.indexOf('AS runtime'));
    const copied = [...build.matchAll(/^COPY\s+(?!--from)(.+)\s+\S+$/gm)].flatMap((m) =>
      m[1].split(/\s+/),
    );
    const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')) as {
      include: string[];
    };
    const uncopied = tsconfig.include.filter(
      (pattern) => !copied.some((source) => pattern === source || pattern.startsWith(`${source}/`)),
    );
    expect(uncopied).toEqual([]);
  });
});
