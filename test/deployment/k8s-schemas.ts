/*
 * Validates Kubernetes objects offline against the API's OpenAPI schemas (kubernetes-models) and
 * the CRDs of KEDA and the Prometheus Operator. The model packages are ES modules only, so
 * k8s.spec.ts runs this file with Node (which strips the types) rather than loading it in Jest:
 *
 *   node test/deployment/k8s-schemas.ts < objects.json
 *
 * Reads a JSON array of objects on stdin and prints a JSON array of
 * `{ kind, name, errors: string[] }`, one per object, in the same order.
 */

interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: { readonly name?: string };
}

interface Verdict {
  readonly kind: string;
  readonly name: string;
  readonly errors: string[];
}

type ModelClass = new (data: KubernetesObject) => { validate(): void };

/** The module that holds the models of one apiVersion. */
function moduleOf(apiVersion: string): string {
  if (apiVersion.startsWith('keda.sh/')) return `@kubernetes-models/keda/${apiVersion}`;
  if (apiVersion.startsWith('monitoring.coreos.com/')) {
    return `@kubernetes-models/prometheus-operator/${apiVersion}`;
  }
  return `kubernetes-models/${apiVersion}`;
}

async function modelOf(object: KubernetesObject): Promise<ModelClass | undefined> {
  const exports = (await import(moduleOf(object.apiVersion))) as Record<string, unknown>;
  const model = exports[object.kind];
  return typeof model === 'function' ? (model as ModelClass) : undefined;
}

async function verdict(object: KubernetesObject): Promise<Verdict> {
  const kind = `${object.apiVersion}/${object.kind}`;
  const name = object.metadata?.name ?? '(unnamed)';
  let Model: ModelClass | undefined;
  try {
    Model = await modelOf(object);
  } catch (error) {
    return { kind, name, errors: [`no models for ${object.apiVersion}: ${String(error)}`] };
  }
  if (!Model) return { kind, name, errors: [`no model for kind ${object.kind}`] };
  try {
    new Model(object).validate();
    return { kind, name, errors: [] };
  } catch (error) {
    const details = (error as { errors?: { instancePath?: string; message?: string }[] }).errors;
    const errors = details?.map((e) => `${e.instancePath ?? ''} ${e.message ?? ''}`.trim()) ?? [
      String(error),
    ];
    return { kind, name, errors };
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const objects = JSON.parse(await readStdin()) as KubernetesObject[];
  const verdicts: Verdict[] = [];
  for (const object of objects) verdicts.push(await verdict(object));
  process.stdout.write(JSON.stringify(verdicts));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
