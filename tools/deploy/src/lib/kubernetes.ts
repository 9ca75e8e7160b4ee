import { loadAll } from 'js-yaml';
import { execFileSync } from 'node:child_process';
import { ConfigMap, Namespace, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { fromRoot } from './workspace';

/** A rendered object; the specs narrow it to its kind's interface once validated. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
}

/** The Kubernetes schema of every kind Steward deploys (kubernetes-models: OpenAPI, validated offline). */
const MODELS: Record<string, { new (data: never): { validate(): void } }> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

function kubectl(args: string[]): string {
  try {
    return execFileSync('kubectl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('kubectl is not installed: these checks render the manifests with `kubectl kustomize`.');
    }
    throw new Error(`kubectl ${args.join(' ')} failed:\n${(error as { stderr?: string }).stderr ?? error}`);
  }
}

/** Throws with the schema's complaint when `object` is not a valid object of its kind. */
export function validateObject(object: K8sObject): void {
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model) throw new Error(`no schema for ${object.apiVersion} ${object.kind} (add it to MODELS)`);
  new Model(object as never).validate();
}

/**
 * `kubectl kustomize deploy/k8s/<path>`, as objects. Kustomize wraps a Secret's base64 over several
 * lines, which the API server's decoder skips and the schema's `byte` format does not: joined here.
 */
export function render(path: string): K8sObject[] {
  const yaml = kubectl(['kustomize', fromRoot('deploy/k8s', path)]);
  const objects = loadAll(yaml).filter((doc): doc is K8sObject => !!doc);
  for (const object of objects) {
    const data = (object as { data?: Record<string, string> }).data;
    if (object.kind === 'Secret' && data) {
      for (const key of Object.keys(data)) data[key] = data[key].replace(/\s+/g, '');
    }
  }
  return objects;
}

/** The one object of `kind` named `name`, typed as its kind's interface (e.g. IDeployment). */
export function one<T>(objects: K8sObject[], kind: string, name: string): T {
  const found = objects.filter((object) => object.kind === kind && object.metadata.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0] as T;
}

/** A generated ConfigMap or Secret by its base name (kustomize appends a content hash). */
export function generated<T>(objects: K8sObject[], kind: 'ConfigMap' | 'Secret', name: string): T | undefined {
  const pattern = new RegExp(`^${name}-[a-z0-9]{10}$`);
  return objects.find((object) => object.kind === kind && pattern.test(object.metadata.name)) as T | undefined;
}
