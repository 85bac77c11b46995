import { EventTypes, Topics, topicOf } from '@salur/contracts';
import { loadConfig, metricsRegistry } from '@salur/platform';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { envClasses, requiredVariables, type Service } from './service-config';

/*
 * The Kubernetes manifests in deploy/k8s, rendered with `kubectl kustomize` for every overlay and
 * checked offline: API and CRD schemas, the platform's policies (non-root, read-only, probes,
 * resources, no secret values), the configuration each service needs, autoscaling and network
 * policy targets, the alert rules with promtool, and the Grafana dashboard's metric names.
 */

const root = join(__dirname, '..', '..');
const k8s = join(root, 'deploy', 'k8s');
const monitoring = join(k8s, 'base', 'monitoring');

const services = Object.keys(envClasses) as Service[];
/** Consumers scaled by KEDA on lag in production; intake consumes too but scales on its HTTP load. */
const lagScaled: Service[] = ['routing', 'sla', 'notification'];
const overlays = { dev: 'salur-dev', production: 'salur' } as const;
/** Partitions per topic the services create (MessagingModule's default). */
const PARTITIONS = 6;

const ALERTS = [
  'SalurSlaBreachesRising',
  'SalurConsumerLagHigh',
  'SalurDeadLetterGrowing',
  'SalurOutboxBacklogGrowing',
  'SalurServiceNotReady',
];
/**
 * Metrics the alerts and the dashboard use that are being added to libs/messaging alongside these
 * manifests (consumer lag per group and topic, events sent to a dead-letter topic). Accepted only
 * while the code does not define them yet; once it does, they are checked like every other name.
 */
/** Series that Prometheus and kube-state-metrics provide, not the services. */
const PLATFORM_METRICS = [
  'up',
  'kube_deployment_status_replicas_available',
  'kube_deployment_spec_replicas',
];

/** Variable names whose values are secrets: they must come from a Secret, never be written here. */
const SECRET_NAME = /SECRET|PASSWORD|TOKEN|API_KEYS|ROUTING_KEY|DATABASE_URL|SMTP_URL/;
/** What a Secret would hold, for loading a configuration the way the pod would see it. */
const SECRET_STAND_INS: Record<string, string> = {
  DATABASE_URL: 'postgres://salur:stand-in@postgres.salur.svc:5432/salur',
  SMTP_URL: 'smtps://salur:stand-in@smtp.salur.example:465',
};
const STAND_IN = 'stand-in-secret-value-of-at-least-32-characters';

// ---- the rendered objects -----------------------------------------------------------------

interface Metadata {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
}
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: Metadata;
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  automountServiceAccountToken?: boolean;
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
    fieldRef?: { fieldPath: string };
  };
}
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  resources?: {
    requests?: Record<string, string | number>;
    limits?: Record<string, string | number>;
  };
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    privileged?: boolean;
    capabilities?: { drop?: string[]; add?: string[] };
    seccompProfile?: { type: string };
  };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  volumeMounts?: { name: string; mountPath: string }[];
}
interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  terminationGracePeriodSeconds?: number;
  topologySpreadConstraints?: { topologyKey: string; labelSelector?: LabelSelector }[];
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    seccompProfile?: { type: string };
  };
  volumes?: { name: string; emptyDir?: object }[];
}
interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: PodSpec;
}
interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
interface Workload extends K8sObject {
  spec: { replicas?: number; selector?: LabelSelector; template: PodTemplate };
}

function kubectlKustomize(dir: string): string {
  const result = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      'kubectl is not installed: the Kubernetes manifests are rendered with `kubectl kustomize` ' +
        '(Debian/Ubuntu: apt-get install -y kubectl; .ci/run installs it)',
    );
  }
  if (result.status !== 0) throw new Error(`kubectl kustomize ${dir} failed:\n${result.stderr}`);
  return result.stdout;
}

function render(overlay: string): K8sObject[] {
  const out = kubectlKustomize(join(k8s, 'overlays', overlay));
  return parseAllDocuments(out)
    .map((doc) => doc.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}

function ofKind<T extends K8sObject = K8sObject>(objects: K8sObject[], kind: string): T[] {
  return objects.filter((o) => o.kind === kind) as T[];
}

function named<T extends K8sObject>(objects: T[], name: string): T {
  const found = objects.find((o) => o.metadata.name === name);
  if (!found) throw new Error(`no object named ${name}`);
  return found;
}

function selects(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpressions = (selector.matchExpressions ?? []).every((e) => {
    switch (e.operator) {
      case 'In':
        return e.values?.includes(labels[e.key] ?? '') ?? false;
      case 'NotIn':
        return !(e.values?.includes(labels[e.key] ?? '') ?? false);
      case 'Exists':
        return e.key in labels;
      case 'DoesNotExist':
        return !(e.key in labels);
      default:
        throw new Error(`unknown selector operator ${e.operator}`);
    }
  });
  return byLabels && byExpressions;
}

/** `384Mi`, `1Gi`, `500M`, `256` → bytes; `250m`, `2` → cores. */
function quantity(value: string | number | undefined): number {
  if (value === undefined) return NaN;
  const match = /^(\d+(?:\.\d+)?)(m|Ki|Mi|Gi|K|M|G)?$/.exec(String(value));
  if (!match) return NaN;
  const factor: Record<string, number> = {
    m: 1e-3,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    K: 1e3,
    M: 1e6,
    G: 1e9,
  };
  return Number(match[1]) * (match[2] ? factor[match[2]] : 1);
}

/** The environment a container starts with, secrets replaced by stand-ins of the right shape. */
function containerEnv(
  container: Container,
  objects: K8sObject[],
  options: { optionalSecrets: boolean },
): Record<string, string> {
  const env: Record<string, string> = {};
  const configMaps = ofKind(objects, 'ConfigMap');
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, named(configMaps, source.configMapRef.name).data);
  }
  for (const variable of container.env ?? []) {
    const secret = variable.valueFrom?.secretKeyRef;
    const configMapKey = variable.valueFrom?.configMapKeyRef;
    if (variable.value !== undefined) env[variable.name] = variable.value;
    else if (secret && (!secret.optional || options.optionalSecrets)) {
      env[variable.name] = SECRET_STAND_INS[secret.key] ?? STAND_IN;
    } else if (configMapKey) {
      const value = named(configMaps, configMapKey.name).data?.[configMapKey.key];
      if (value !== undefined) env[variable.name] = value;
    }
  }
  return env;
}

/** The fewest replicas a Deployment runs: its autoscaler's minimum (it has no spec.replicas). */
function minReplicas(objects: K8sObject[], deployment: string): number {
  const hpa = ofKind(objects, 'HorizontalPodAutoscaler').find(
    (h) => (h.spec?.scaleTargetRef as { name: string }).name === deployment,
  );
  const scaled = ofKind(objects, 'ScaledObject').find(
    (s) => (s.spec?.scaleTargetRef as { name: string }).name === deployment,
  );
  return Number(hpa?.spec?.minReplicas ?? scaled?.spec?.minReplicaCount ?? NaN);
}

function portOf(container: Container, port: string | number): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

function podTemplates(objects: K8sObject[]): { owner: string; template: PodTemplate }[] {
  return [...ofKind<Workload>(objects, 'Deployment'), ...ofKind<Workload>(objects, 'Job')].map(
    (w) => ({ owner: `${w.kind}/${w.metadata.name}`, template: w.spec.template }),
  );
}

// ---- what the code says ----------------------------------------------------------------------

function sourceFiles(dir: string, suffix = '.ts'): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(f))
    .map((f) => join(dir, f));
}

/** Every metric the services export: their own (by name in the code) and prom-client's defaults. */
function metricNamesInCode(): Set<string> {
  const names = new Set<string>();
  for (const file of [...sourceFiles(join(root, 'apps')), ...sourceFiles(join(root, 'libs'))]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bname: '([a-z_:][a-z0-9_:]*)'/g)) {
      names.add(m[1]);
    }
  }
  for (const metric of metricsRegistry().getMetricsAsArray()) names.add(metric.name);
  return names;
}

const PROMQL_WORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan', 'le']);

/** The metric names a PromQL expression reads (label matchers, groupings and strings removed). */
function metricsIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '')
    .replace(/\[[^\]]*\]/g, '');
  const names = new Set<string>();
  for (const m of stripped.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(\s*\()?/g)) {
    if (m[2] || PROMQL_WORDS.has(m[1]) || /^\d/.test(m[1])) continue;
    names.add(m[1]);
  }
  return [...names];
}

function unknownMetrics(exprs: string[], known: Set<string>): string[] {
  const accepted = (name: string): boolean => {
    const base = name.replace(/_(bucket|sum|count)$/, '');
    return known.has(name) || known.has(base) || PLATFORM_METRICS.includes(name);
  };
  return [...new Set(exprs.flatMap(metricsIn))].filter((name) => !accepted(name));
}

/** The topics a service's Kafka handlers consume, from their `@OnEvent(...)` declarations. */
function consumedTopics(service: Service): string[] {
  const topics = new Set<string>();
  for (const file of sourceFiles(join(root, 'apps', service, 'src'), '.handler.ts')) {
    const text = readFileSync(file, 'utf8');
    for (const block of text.matchAll(/@OnEvent\(([^)]*(?:\([^)]*\)[^)]*)*)\)/g)) {
      for (const m of block[1].matchAll(/EventTypes\.(\w+)/g)) {
        topics.add(topicOf(EventTypes[m[1] as keyof typeof EventTypes]));
      }
      for (const m of block[1].matchAll(/eventTypesOf\(Topics\.(\w+)\)/g)) {
        topics.add(Topics[m[1] as keyof typeof Topics]);
      }
    }
  }
  return [...topics].sort();
}

// ---- the checks ------------------------------------------------------------------------------

const rendered = Object.fromEntries(
  Object.keys(overlays).map((overlay) => [overlay, [] as K8sObject[]]),
) as Record<keyof typeof overlays, K8sObject[]>;

beforeAll(() => {
  for (const overlay of Object.keys(overlays) as (keyof typeof overlays)[]) {
    rendered[overlay] = render(overlay);
  }
});

describe.each(Object.entries(overlays))('deploy/k8s overlay %s', (overlayName, namespace) => {
  const overlay = overlayName as keyof typeof overlays;
  const objects = (): K8sObject[] => rendered[overlay];
  const deployment = (service: Service): Workload =>
    named(ofKind<Workload>(objects(), 'Deployment'), `salur-${service}`);

  it('renders every kind the services need, all in the overlay namespace', () => {
    const kinds = new Set(objects().map((o) => o.kind));
    for (const kind of [
      'Namespace',
      'ServiceAccount',
      'ConfigMap',
      'Service',
      'Deployment',
      'Job',
      'PodDisruptionBudget',
      'NetworkPolicy',
      'ServiceMonitor',
      'PrometheusRule',
    ]) {
      expect(kinds).toContain(kind);
    }
    expect(ofKind(objects(), 'Namespace').map((n) => n.metadata.name)).toEqual([namespace]);
    for (const o of objects().filter((o) => o.kind !== 'Namespace')) {
      expect({ object: `${o.kind}/${o.metadata.name}`, namespace: o.metadata.namespace }).toEqual({
        object: `${o.kind}/${o.metadata.name}`,
        namespace,
      });
    }
  });

  it('validates against the Kubernetes, KEDA and Prometheus Operator schemas', () => {
    const result = spawnSync(
      process.execPath,
      ['--no-warnings', join(__dirname, 'k8s-schemas.ts')],
      { input: JSON.stringify(objects()), encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const verdicts = JSON.parse(result.stdout) as {
      kind: string;
      name: string;
      errors: string[];
    }[];
    expect(verdicts).toHaveLength(objects().length);
    expect(verdicts.filter((v) => v.errors.length > 0)).toEqual([]);
  });

  it('runs every container as the image’s non-root user, read-only, unprivileged, capped', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    // The runtime image's `node` user is uid 1000 (node:*-bookworm-slim).
    expect(dockerfile.slice(dockerfile.indexOf('AS runtime'))).toMatch(/^USER node$/m);
    const templates = podTemplates(objects());
    expect(templates.length).toBe(2 * services.length);
    for (const { owner, template } of templates) {
      const pod = template.spec;
      expect({ owner, pod: pod.securityContext }).toMatchObject({
        owner,
        pod: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
      });
      expect({ owner, automount: pod.automountServiceAccountToken }).toEqual({
        owner,
        automount: false,
      });
      for (const c of [...pod.containers, ...(pod.initContainers ?? [])]) {
        expect({ owner, container: c.name, securityContext: c.securityContext }).toEqual({
          owner,
          container: c.name,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 1000,
            runAsGroup: 1000,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ['ALL'] },
            seccompProfile: { type: 'RuntimeDefault' },
          },
        });
        // A read-only root: /tmp is an emptyDir of bounded size.
        const tmp = c.volumeMounts?.find((m) => m.mountPath === '/tmp');
        expect(pod.volumes?.find((v) => v.name === tmp?.name)?.emptyDir).toBeDefined();
        for (const resource of ['cpu', 'memory']) {
          const request = quantity(c.resources?.requests?.[resource]);
          const limit = quantity(c.resources?.limits?.[resource]);
          expect({ owner, resource, request: request > 0, limit: limit >= request }).toEqual({
            owner,
            resource,
            request: true,
            limit: true,
          });
        }
      }
    }
    for (const account of ofKind(objects(), 'ServiceAccount')) {
      expect(account.automountServiceAccountToken).toBe(false);
    }
  });

  it('writes no secret values: no Secret objects, secrets only by reference', () => {
    expect(ofKind(objects(), 'Secret')).toEqual([]);
    for (const configMap of ofKind(objects(), 'ConfigMap')) {
      const keys = Object.keys(configMap.data ?? {}).filter((k) => !k.endsWith('.json'));
      expect({
        configMap: configMap.metadata.name,
        secrets: keys.filter((k) => SECRET_NAME.test(k)),
      }).toEqual({ configMap: configMap.metadata.name, secrets: [] });
    }
    for (const { owner, template } of podTemplates(objects())) {
      for (const c of template.spec.containers) {
        const literal = (c.env ?? []).filter((v) => SECRET_NAME.test(v.name) && !v.valueFrom);
        expect({ owner, literal }).toEqual({ owner, literal: [] });
        const bySecret = (c.env ?? []).filter((v) => v.valueFrom?.secretKeyRef);
        expect(bySecret.every((v) => SECRET_NAME.test(v.name))).toBe(true);
      }
    }
  });

  describe.each(services)('%s', (service) => {
    const envClass = envClasses[service];

    it('starts the built entry point, probes /health/live and /health/ready on its port', () => {
      const d = deployment(service);
      const [container] = d.spec.template.spec.containers;
      expect(d.spec.template.spec.containers).toHaveLength(1);
      expect(container.command).toEqual(['node', `dist/apps/${service}/src/main.js`]);
      const config = loadConfig(
        envClass,
        containerEnv(container, objects(), { optionalSecrets: true }),
      );
      expect(container.ports?.map((p) => p.containerPort)).toEqual([config.PORT]);
      const probes = {
        startup: container.startupProbe?.httpGet,
        liveness: container.livenessProbe?.httpGet,
        readiness: container.readinessProbe?.httpGet,
      };
      expect(probes.startup?.path).toBe('/health/live');
      expect(probes.liveness?.path).toBe('/health/live');
      expect(probes.readiness?.path).toBe('/health/ready');
      for (const probe of Object.values(probes)) {
        expect(portOf(container, probe!.port)).toBe(config.PORT);
      }
      const svc = named(ofKind(objects(), 'Service'), `salur-${service}`);
      const ports = svc.spec?.ports as {
        name: string;
        port: number;
        targetPort: string | number;
      }[];
      expect(ports.map((p) => portOf(container, p.targetPort))).toEqual([config.PORT]);
      expect(
        selects(
          { matchLabels: svc.spec?.selector as Record<string, string> },
          d.spec.template.metadata.labels,
        ),
      ).toBe(true);
      expect(selects(d.spec.selector, d.spec.template.metadata.labels)).toBe(true);
    });

    it('provides every variable the service requires, and the result is a valid configuration', () => {
      const [container] = deployment(service).spec.template.spec.containers;
      // Optional Secret keys may be absent: the service must start without them.
      const env = containerEnv(container, objects(), { optionalSecrets: false });
      const required = requiredVariables(envClass);
      expect(required.length).toBeGreaterThan(0);
      for (const variable of required) expect(Object.keys(env)).toContain(variable);
      expect(() => loadConfig(envClass, env)).not.toThrow();
      expect(() =>
        loadConfig(envClass, containerEnv(container, objects(), { optionalSecrets: true })),
      ).not.toThrow();
      // Every variable set is one the README documents (a misspelt name would be ignored).
      const readme = readFileSync(join(root, 'README.md'), 'utf8');
      const names = [
        ...(container.env ?? []).map((v) => v.name),
        ...Object.keys(env).filter((k) => k !== 'NODE_OPTIONS'),
      ].filter((name) => name !== 'NODE_OPTIONS');
      for (const name of new Set(names))
        expect({ name, documented: readme.includes(`\`${name}\``) }).toEqual({
          name,
          documented: true,
        });
    });

    it('gets a termination grace period longer than its own shutdown', () => {
      const d = deployment(service);
      const [container] = d.spec.template.spec.containers;
      const config = loadConfig(
        envClass,
        containerEnv(container, objects(), { optionalSecrets: true }),
      );
      // SHUTDOWN_GRACE_MS bounds everything after the delay (requests, consumers, flush, disconnect).
      const shutdownMs = config.SHUTDOWN_DELAY_MS + config.SHUTDOWN_GRACE_MS;
      expect(config.SHUTDOWN_DELAY_MS).toBeGreaterThan(0);
      expect((d.spec.template.spec.terminationGracePeriodSeconds ?? 30) * 1000).toBeGreaterThan(
        shutdownMs,
      );
    });

    it('runs its migration in a Job with the same image and the database URL', () => {
      const job = named(ofKind<Workload>(objects(), 'Job'), `salur-${service}-migrate`);
      const [migrate] = job.spec.template.spec.containers;
      expect(migrate.command).toEqual(['node', `dist/apps/${service}/src/migrate.js`]);
      expect(migrate.image).toBe(deployment(service).spec.template.spec.containers[0].image);
      const env = containerEnv(migrate, objects(), { optionalSecrets: false });
      expect(env.DATABASE_URL).toBe(SECRET_STAND_INS.DATABASE_URL);
      expect(job.metadata.labels?.['app.kubernetes.io/component']).toBe('migration');
      expect(deployment(service).metadata.labels?.['app.kubernetes.io/component']).toBe('server');
    });

    it('spreads its pods and keeps some through voluntary disruptions', () => {
      const d = deployment(service);
      const spread = d.spec.template.spec.topologySpreadConstraints ?? [];
      expect(spread.map((c) => c.topologyKey).sort()).toEqual([
        'kubernetes.io/hostname',
        'topology.kubernetes.io/zone',
      ]);
      for (const c of spread)
        expect(selects(c.labelSelector, d.spec.template.metadata.labels)).toBe(true);
      const pdbs = ofKind(objects(), 'PodDisruptionBudget').filter((p) =>
        selects(p.spec?.selector as LabelSelector, d.spec.template.metadata.labels),
      );
      expect(pdbs).toHaveLength(1);
      const minAvailable = pdbs[0].spec?.minAvailable as number | undefined;
      if (minAvailable !== undefined) {
        expect(minAvailable).toBeLessThan(minReplicas(objects(), d.metadata.name));
      }
    });
  });

  it('scales each Deployment by exactly one HPA or ScaledObject, on CPU (and lag for consumers)', () => {
    const deployments = ofKind<Workload>(objects(), 'Deployment').map((d) => d.metadata.name);
    const scalers = [
      ...ofKind(objects(), 'HorizontalPodAutoscaler').map((h) => ({
        kind: 'HorizontalPodAutoscaler',
        target: h.spec?.scaleTargetRef as { kind: string; name: string },
        cpu: (h.spec?.metrics as { resource?: { name: string } }[]).some(
          (m) => m.resource?.name === 'cpu',
        ),
      })),
      ...ofKind(objects(), 'ScaledObject').map((s) => ({
        kind: 'ScaledObject',
        target: s.spec?.scaleTargetRef as { kind: string; name: string },
        cpu: (s.spec?.triggers as { type: string }[]).some((t) => t.type === 'cpu'),
      })),
    ];
    for (const scaler of scalers) {
      expect(scaler.target.kind).toBe('Deployment');
      expect(deployments).toContain(scaler.target.name);
      expect(scaler.cpu).toBe(true);
    }
    expect(scalers.map((s) => s.target.name).sort()).toEqual([...deployments].sort());
  });

  it('scales the consumers on their consumer group’s lag on the topics they read', () => {
    const scaled = ofKind(objects(), 'ScaledObject');
    if (overlay === 'production') {
      expect(scaled.map((s) => s.metadata.name).sort()).toEqual(
        lagScaled.map((s) => `salur-${s}`).sort(),
      );
    }
    const common = ofKind(objects(), 'ConfigMap').find((c) =>
      c.metadata.name.startsWith('salur-common-'),
    )!;
    const prefix = common.data?.KAFKA_TOPIC_PREFIX ?? '';
    for (const object of scaled) {
      const service = object.metadata.name.replace(/^salur-/, '') as Service;
      const kafka = (object.spec?.triggers as { type: string; metadata: Record<string, string> }[])
        .filter((t) => t.type === 'kafka')
        .map((t) => t.metadata);
      expect(kafka.map((t) => t.topic).sort()).toEqual(
        consumedTopics(service).map((t) => prefix + t),
      );
      for (const trigger of kafka) {
        expect(trigger.consumerGroup).toBe(`${prefix}salur-${service}`);
        expect(trigger.bootstrapServers).toBe(common.data?.KAFKA_BROKERS);
        expect(Number(trigger.lagThreshold)).toBeGreaterThan(0);
      }
      expect(object.spec?.maxReplicaCount).toBeLessThanOrEqual(PARTITIONS);
    }
  });

  it('denies traffic by default and lets each pod reach only what it needs', () => {
    const policies = ofKind(objects(), 'NetworkPolicy');
    const defaultDeny = policies.find(
      (p) => Object.keys((p.spec?.podSelector as LabelSelector | undefined) ?? {}).length === 0,
    );
    expect(defaultDeny?.spec?.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(defaultDeny?.spec?.ingress ?? []).toEqual([]);
    expect(defaultDeny?.spec?.egress ?? []).toEqual([]);

    interface Rule {
      ports?: { port: number | string; protocol?: string }[];
      from?: { namespaceSelector?: LabelSelector }[];
    }
    for (const { owner, template } of podTemplates(objects())) {
      const own = policies.filter(
        (p) =>
          p !== defaultDeny &&
          selects(p.spec?.podSelector as LabelSelector, template.metadata.labels),
      );
      expect({ owner, policies: own.length }).toEqual({ owner, policies: 1 });
      const egressPorts = ((own[0].spec?.egress ?? []) as Rule[]).flatMap((r) =>
        (r.ports ?? []).map((p) => p.port),
      );
      expect(egressPorts).toEqual(expect.arrayContaining([53, 5432]));
      const ingress = (own[0].spec?.ingress ?? []) as Rule[];
      if (owner.startsWith('Job/')) {
        expect(ingress).toEqual([]);
        expect([...new Set(egressPorts)].sort()).toEqual([53, 5432]);
        continue;
      }
      expect(egressPorts).toContain(9092);
      const service = owner.replace('Deployment/salur-', '') as Service;
      const outbound = egressPorts.filter((p) => ![53, 5432, 9092].includes(Number(p)));
      expect(outbound.length > 0).toBe(service === 'notification');
      const [container] = template.spec.containers;
      const sources = ingress.flatMap((r) =>
        (r.from ?? []).map(
          (f) => f.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'],
        ),
      );
      expect(sources.sort()).toEqual(['ingress-nginx', 'monitoring']);
      for (const rule of ingress) {
        expect((rule.ports ?? []).map((p) => portOf(container, p.port))).toEqual([
          container.ports?.[0].containerPort,
        ]);
      }
    }
  });

  it('scrapes every service’s /metrics and loads the dashboard into Grafana', () => {
    const [monitor] = ofKind(objects(), 'ServiceMonitor');
    const endpoints = monitor.spec?.endpoints as { port: string; path: string }[];
    expect(endpoints.map((e) => [e.port, e.path])).toEqual([['http', '/metrics']]);
    const scraped = ofKind(objects(), 'Service').filter((s) =>
      selects(monitor.spec?.selector as LabelSelector, s.metadata.labels ?? {}),
    );
    expect(scraped.map((s) => s.metadata.name).sort()).toEqual(
      services.map((s) => `salur-${s}`).sort(),
    );
    for (const s of scraped) {
      expect((s.spec?.ports as { name: string }[]).map((p) => p.name)).toContain('http');
    }
    const dashboards = ofKind(objects(), 'ConfigMap').filter(
      (c) => c.metadata.labels?.grafana_dashboard === '1',
    );
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0].data?.['salur-overview.json']).toBe(
      readFileSync(join(monitoring, 'salur-overview.json'), 'utf8'),
    );
  });

  if (overlay === 'production') {
    it('runs three replicas of a pinned image with at least two always available', () => {
      for (const service of services) {
        const d = deployment(service);
        expect(d.spec.replicas).toBeUndefined();
        expect(minReplicas(objects(), d.metadata.name)).toBeGreaterThanOrEqual(3);
        expect(d.spec.template.spec.containers[0].image).toMatch(/^[^:]+\/salur:\d+\.\d+\.\d+$/);
      }
      for (const pdb of ofKind(objects(), 'PodDisruptionBudget')) {
        expect(pdb.spec?.minAvailable).toBe(2);
      }
    });
  } else {
    it('runs one replica of each service', () => {
      for (const service of services) {
        expect(deployment(service).spec.replicas).toBeUndefined();
        expect(minReplicas(objects(), `salur-${service}`)).toBe(1);
      }
    });
  }

  it('caps the sla heap so it stays within its memory limit', () => {
    const [container] = deployment('sla').spec.template.spec.containers;
    const nodeOptions = container.env?.find((v) => v.name === 'NODE_OPTIONS')?.value ?? '';
    expect(nodeOptions.split(' ').sort()).toEqual([
      '--max-old-space-size=96',
      '--max-semi-space-size=4',
    ]);
    // Measured: under 256 MB resident at a million open clocks with this heap.
    expect(quantity(container.resources?.limits?.memory)).toBeGreaterThanOrEqual(256 * 2 ** 20);
  });
});

describe('deploy/k8s alerts', () => {
  const rule = (): K8sObject => ofKind(rendered.production, 'PrometheusRule')[0];
  interface AlertRule {
    alert?: string;
    expr: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  }
  const alertRules = (): AlertRule[] =>
    (rule().spec?.groups as { rules: AlertRule[] }[]).flatMap((g) => g.rules);

  function promtool(args: string[]): { status: number | null; output: string } {
    const result = spawnSync('promtool', args, { encoding: 'utf8' });
    if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'promtool is not installed: the alert rules are checked with `promtool` ' +
          '(Debian/Ubuntu: apt-get install -y prometheus; .ci/run installs it)',
      );
    }
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it('names each alert the runbook expects, with severity, summary, description and runbook', () => {
    expect(
      alertRules()
        .map((r) => r.alert)
        .sort(),
    ).toEqual([...ALERTS].sort());
    for (const r of alertRules()) {
      expect(['critical', 'warning']).toContain(r.labels?.severity);
      expect(r.annotations?.summary).toBeTruthy();
      expect(r.annotations?.description).toBeTruthy();
      expect(r.annotations?.runbook_url).toBe(`docs/operations.md#${r.alert!.toLowerCase()}`);
    }
  });

  it('passes promtool check rules and its unit tests, one firing case per alert', () => {
    const dir = mkdtempSync(join(tmpdir(), 'salur-rules-'));
    try {
      writeFileSync(join(dir, 'rules.yaml'), stringify(rule().spec));
      cpSync(join(monitoring, 'prometheusrule.test.yaml'), join(dir, 'rules.test.yaml'));
      const check = promtool(['check', 'rules', join(dir, 'rules.yaml')]);
      expect(check.output).toContain(`SUCCESS: ${ALERTS.length} rules found`);
      expect(check.status).toBe(0);
      const test = promtool(['test', 'rules', join(dir, 'rules.test.yaml')]);
      expect(test.output).toContain('SUCCESS');
      expect(test.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const tests = parse(readFileSync(join(monitoring, 'prometheusrule.test.yaml'), 'utf8')) as {
      tests: { alert_rule_test: { alertname: string; exp_alerts: unknown[] }[] }[];
    };
    const firing = tests.tests
      .flatMap((t) => t.alert_rule_test)
      .filter((t) => t.exp_alerts.length > 0)
      .map((t) => t.alertname);
    expect([...new Set(firing)].sort()).toEqual([...ALERTS].sort());
  });

  it('reads only metrics the services export', () => {
    expect(
      unknownMetrics(
        alertRules().map((r) => r.expr),
        metricNamesInCode(),
      ),
    ).toEqual([]);
  });
});

describe('deploy/k8s Grafana dashboard', () => {
  interface Panel {
    type: string;
    title: string;
    targets?: { expr: string }[];
  }
  const dashboard = JSON.parse(readFileSync(join(monitoring, 'salur-overview.json'), 'utf8')) as {
    uid: string;
    title: string;
    panels: Panel[];
  };
  const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));

  it('charts HTTP, consumer lag, handlers, outbox, dead letters, SLA clocks and deliveries', () => {
    expect(dashboard.uid).toBe('salur-overview');
    const used = new Set(exprs.flatMap(metricsIn));
    for (const metric of [
      'http_requests_total',
      'http_request_duration_seconds_bucket',
      'salur_consumer_lag_messages',
      'salur_event_handler_duration_seconds_bucket',
      'salur_outbox_backlog',
      'salur_outbox_publish_latency_seconds_bucket',
      'salur_dead_letters_total',
      'salur_sla_open_clocks',
      'salur_sla_breaches_total',
      'salur_sla_fire_lag_seconds_bucket',
      'notification_delivery_tries_total',
    ]) {
      expect(used).toContain(metric);
    }
  });

  it('reads only metrics the services export', () => {
    expect(exprs.length).toBeGreaterThan(10);
    expect(unknownMetrics(exprs, metricNamesInCode())).toEqual([]);
  });
});
