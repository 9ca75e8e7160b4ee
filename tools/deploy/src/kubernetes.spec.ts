import { loadApiConfig } from '@steward/api-config-util';
import { load } from 'js-yaml';
import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import type { IJob } from 'kubernetes-models/batch/v1';
import type { IIngress, INetworkPolicy, INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import type {
  IConfigMap,
  IContainer,
  IPodTemplateSpec,
  ISecret,
  IService,
  IServiceAccount,
} from 'kubernetes-models/v1';
import { readFileSync } from 'node:fs';
import { apiEnvironmentNames, healthRoutes } from './lib/api-source';
import { renderConsoleRuntime } from './lib/console-image';
import { isPinned } from './lib/dockerfile';
import { generated, one, render, validateObject, type K8sObject } from './lib/kubernetes';
import { fromRoot } from './lib/workspace';

/** Settings that only ever come from the Secret, never from a ConfigMap. */
const SECRET_VARIABLES = ['AUTH0_MGMT_CLIENT_SECRET', 'DATABASE_URL'];
const PREFIXED_SECRET = 'steward-api-secrets';

const rendered = { dev: render('overlays/dev'), prod: render('overlays/prod') };

describe.each(Object.entries(rendered))('deploy/k8s/overlays/%s', (overlay, objects) => {
  const api = one<IDeployment>(objects, 'Deployment', 'steward-api');
  const consoleApp = one<IDeployment>(objects, 'Deployment', 'steward-console');
  const migrate = one<IJob>(objects, 'Job', 'steward-migrate');
  const apiContainer = api.spec?.template.spec?.containers[0] as IContainer;
  const podTemplates: [string, IPodTemplateSpec][] = [
    ['Deployment steward-api', api.spec?.template as IPodTemplateSpec],
    ['Deployment steward-console', consoleApp.spec?.template as IPodTemplateSpec],
    ['Job steward-migrate', migrate.spec?.template as IPodTemplateSpec],
  ];
  const apiConfig = generated<IConfigMap>(objects, 'ConfigMap', 'steward-api-config');
  const consoleConfig = generated<IConfigMap>(objects, 'ConfigMap', 'steward-console-config');

  it('should render only objects that are valid against the Kubernetes schemas', () => {
    expect(objects.length).toBeGreaterThan(10);
    for (const object of objects) {
      expect(() => validateObject(object)).not.toThrow();
    }
  });

  it('should put everything in its own namespace, which enforces the restricted pod security profile', () => {
    const [namespace] = objects.filter((object) => object.kind === 'Namespace');
    expect(namespace.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
    for (const object of objects.filter((o) => o.kind !== 'Namespace')) {
      expect([object.kind, object.metadata.name, object.metadata.namespace]).toEqual([
        object.kind,
        object.metadata.name,
        namespace.metadata.name,
      ]);
    }
  });

  describe('API Deployment', () => {
    it('should run at least two replicas, rolling one at a time without going below', () => {
      expect(api.spec?.replicas).toBeGreaterThanOrEqual(2);
      expect(api.spec?.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
    });

    it("should probe the health controller's real routes on the API port", () => {
      const routes = healthRoutes();
      expect(routes).toEqual(['/api/health', '/api/health/ready']);
      const port = apiContainer.ports?.find((p) => p.name === 'http')?.containerPort;
      expect(String(port)).toBe(apiConfig?.data?.['PORT']);
      expect(apiContainer.readinessProbe?.httpGet).toEqual({ path: '/api/health/ready', port: 'http' });
      expect(apiContainer.livenessProbe?.httpGet).toEqual({ path: '/api/health', port: 'http' });
      expect(apiContainer.startupProbe?.httpGet).toEqual({ path: '/api/health', port: 'http' });
    });

    it('should leave the drain 30 s after preStop gives load balancers time to forget the pod', () => {
      const preStop = apiContainer.lifecycle?.preStop?.exec?.command ?? [];
      expect(preStop.slice(0, 1)).toEqual(['sleep']);
      const sleep = Number(preStop[1]);
      expect(sleep).toBeGreaterThanOrEqual(5);
      expect(sleep).toBeLessThanOrEqual(15);
      const grace = api.spec?.template.spec?.terminationGracePeriodSeconds ?? 30;
      expect(grace - sleep).toBeGreaterThanOrEqual(30);
      expect(grace - sleep).toBeLessThanOrEqual(45);
    });

    it('should expose metrics on their own port, which the Ingress never routes to', () => {
      const metrics = apiContainer.ports?.find((p) => p.name === 'metrics')?.containerPort;
      expect(String(metrics)).toBe(apiConfig?.data?.['METRICS_PORT']);
      expect(metrics).not.toBe(apiContainer.ports?.find((p) => p.name === 'http')?.containerPort);
    });
  });

  describe.each(['steward-api', 'steward-migrate'])('environment of %s', (name) => {
    const template = name === 'steward-api' ? api.spec?.template : migrate.spec?.template;
    const container = template?.spec?.containers[0] as IContainer;
    const configMapRefs = (container.envFrom ?? []).map((source) => source.configMapRef?.name);
    const secretRefs = (container.env ?? []).map((variable) => [
      variable.name,
      variable.valueFrom?.secretKeyRef?.name,
      variable.valueFrom?.secretKeyRef?.key,
    ]);

    it("should set exactly the variables the API's config loader reads (and the SPEC §3 ones being built)", () => {
      expect(configMapRefs).toEqual([apiConfig?.metadata?.name]);
      const names = [...Object.keys(apiConfig?.data ?? {}), ...(container.env ?? []).map((variable) => variable.name)];
      const expected = apiEnvironmentNames();
      expect(names.sort()).toEqual([...expected].sort());
    });

    it('should take the secret settings from the Secret only', () => {
      const secretName =
        overlay === 'dev' ? generated<ISecret>(objects, 'Secret', PREFIXED_SECRET)?.metadata?.name : PREFIXED_SECRET;
      expect(secretRefs).toEqual(SECRET_VARIABLES.map((variable) => [variable, secretName, variable]));
      for (const variable of SECRET_VARIABLES) expect(Object.keys(apiConfig?.data ?? {})).not.toContain(variable);
    });
  });

  it('should hold settings the API accepts in production', () => {
    const secret = generated<ISecret>(objects, 'Secret', PREFIXED_SECRET);
    const secretValues = secret
      ? Object.fromEntries(
          Object.entries(secret.data ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64').toString()]),
        )
      : { AUTH0_MGMT_CLIENT_SECRET: 'a-real-secret', DATABASE_URL: 'mysql://steward:pw@db.example.com:3306/steward' };

    const config = loadApiConfig({ ...apiConfig?.data, ...secretValues });

    expect(config.env).toBe('production');
    expect(config.http.host).toBe('0.0.0.0');
  });

  it(overlay === 'dev' ? 'should generate a Secret of marked dev placeholders only' : 'should commit no Secret', () => {
    const secrets = objects.filter((object) => object.kind === 'Secret') as ISecret[];
    if (overlay === 'prod') {
      expect(secrets).toEqual([]);
      return;
    }
    expect(secrets).toHaveLength(1);
    for (const value of Object.values(secrets[0].data ?? {})) {
      expect(Buffer.from(value, 'base64').toString()).toContain('DEV-PLACEHOLDER');
    }
  });

  it('should hand the console a configuration its entrypoint accepts, matching the API and the Ingress', () => {
    const data = consoleConfig?.data ?? {};
    const ingress = one<IIngress>(objects, 'Ingress', 'steward');
    const host = ingress.spec?.rules?.[0].host;

    expect(renderConsoleRuntime(data, '/dev/null/never-written').stderr).not.toMatch(
      /is required|not allowed|expected/,
    );
    expect(data['API_URL']).toBe(`https://${host}`);
    expect(apiConfig?.data?.['CORS_ORIGINS']?.split(',')).toContain(`https://${host}`);
    expect(data['AUTH0_AUDIENCE']).toBe(apiConfig?.data?.['AUTH0_AUDIENCE']);
    expect(ingress.spec?.tls?.[0].hosts).toEqual([host]);
  });

  it('should route /api to the API and everything else to the console', () => {
    const paths = one<IIngress>(objects, 'Ingress', 'steward').spec?.rules?.[0].http?.paths ?? [];
    expect(
      paths.map((path) => [path.path, path.pathType, path.backend.service?.name, path.backend.service?.port]),
    ).toEqual([
      ['/api', 'Prefix', 'steward-api', { name: 'http' }],
      ['/', 'Prefix', 'steward-console', { name: 'http' }],
    ]);
  });

  describe.each(podTemplates.map(([name]) => name))('pod template of %s', (name) => {
    const template = podTemplates.find(([candidate]) => candidate === name)?.[1] as IPodTemplateSpec;
    const pod = template.spec;
    const containers = [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])];

    it('should run as a non-root user with the runtime default seccomp profile', () => {
      expect(pod?.securityContext?.runAsNonRoot).toBe(true);
      expect(pod?.securityContext?.runAsUser).toBeGreaterThan(0);
      expect(pod?.securityContext?.seccompProfile).toEqual({ type: 'RuntimeDefault' });
    });

    it('should mount no service-account token', () => {
      expect(pod?.automountServiceAccountToken).toBe(false);
      const account = one<IServiceAccount>(objects, 'ServiceAccount', pod?.serviceAccountName ?? 'default');
      expect(account.automountServiceAccountToken).toBe(false);
    });

    it('should lock every container down: read-only root, no escalation, no capabilities, /tmp on an emptyDir', () => {
      for (const container of containers) {
        expect(container.securityContext).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          privileged: false,
          capabilities: { drop: ['ALL'] },
        });
        const tmp = container.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
        expect(pod?.volumes?.find((volume) => volume.name === tmp?.name)?.emptyDir).toBeDefined();
      }
    });

    it('should request and cap CPU and memory', () => {
      for (const container of containers) {
        expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
        expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
      }
    });

    it('should run pinned images', () => {
      for (const container of containers) {
        expect([container.image, isPinned(container.image ?? '')]).toEqual([container.image, true]);
        expect(container.image).toMatch(/\//); // a registry path, not a bare local name
      }
    });
  });

  it("should run exactly the images the overlay's kustomization names", () => {
    const kustomization = load(
      readFileSync(fromRoot('deploy/k8s/overlays', overlay, 'kustomization.yaml'), 'utf8'),
    ) as {
      images: { name: string; newName: string; newTag: string }[];
    };
    const named = Object.fromEntries(kustomization.images.map((i) => [i.name, `${i.newName}:${i.newTag}`]));
    expect(podTemplates.map(([, template]) => template.spec?.containers[0].image)).toEqual([
      named['steward-api'],
      named['steward-console'],
      named['steward-api'],
    ]);
  });

  it('should run the migration with the API image, once', () => {
    const container = migrate.spec?.template.spec?.containers[0];
    expect(container?.image).toBe(apiContainer.image);
    expect(container?.args).toEqual(['node', 'main.js', 'migrate']);
    expect(migrate.spec?.template.spec?.restartPolicy).toBe('Never');
    expect(migrate.spec?.backoffLimit).toBeLessThanOrEqual(5);
  });

  it('should autoscale and budget disruptions of the API Deployment itself', () => {
    const hpa = one<IHorizontalPodAutoscaler>(objects, 'HorizontalPodAutoscaler', 'steward-api');
    expect(hpa.spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'steward-api' });
    expect(hpa.spec?.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec?.minReplicas).toBe(api.spec?.replicas);
    expect(hpa.spec?.maxReplicas).toBeGreaterThan(hpa.spec?.minReplicas ?? 0);
    const podLabels = api.spec?.template.metadata?.labels ?? {};
    const pdb = one<IPodDisruptionBudget>(objects, 'PodDisruptionBudget', 'steward-api');
    expect(pdb.spec?.maxUnavailable).toBe(1);
    expect(podLabels).toMatchObject(pdb.spec?.selector?.matchLabels ?? { missing: 'selector' });
  });

  it.each(['steward-api', 'steward-console'])('should select the %s pods from its Service, by port name', (name) => {
    const service = one<IService>(objects, 'Service', name);
    const deployment = one<IDeployment>(objects, 'Deployment', name);
    const containerPorts = deployment.spec?.template.spec?.containers[0].ports?.map((port) => port.name);
    expect(deployment.spec?.template.metadata?.labels).toMatchObject(service.spec?.selector ?? { missing: 'selector' });
    for (const port of service.spec?.ports ?? []) expect(containerPorts).toContain(port.targetPort);
  });

  describe('NetworkPolicy', () => {
    const policies = objects.filter((object) => object.kind === 'NetworkPolicy') as (INetworkPolicy & K8sObject)[];
    const apiPolicy = policies.find((policy) => policy.metadata.name === 'steward-api');
    const portsOf = (ports?: INetworkPolicyPort[]) => (ports ?? []).map((port) => port.port);

    it('should deny all traffic by default in the namespace', () => {
      const deny = policies.find((policy) => JSON.stringify(policy.spec?.podSelector) === '{}');
      expect(deny?.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    });

    it('should let only the ingress controller reach the API port, and only monitoring its metrics', () => {
      expect(apiPolicy?.spec?.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'steward-api' } });
      expect(
        apiPolicy?.spec?.ingress?.map((rule) => [
          rule.from?.map((peer) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name']),
          portsOf(rule.ports),
        ]),
      ).toEqual([
        [['ingress-nginx'], ['http']],
        [['monitoring'], ['metrics']],
      ]);
    });

    it('should let the API out only to DNS, MySQL, Redis and HTTPS (Auth0)', () => {
      const egress = apiPolicy?.spec?.egress ?? [];
      for (const rule of egress) expect(rule.ports?.length).toBeGreaterThan(0); // no allow-all rule
      expect(egress.flatMap((rule) => portsOf(rule.ports)).sort()).toEqual([3306, 443, 53, 53, 6379, 6380].sort());
    });

    it('should cover every pod with a policy of its own besides the default deny', () => {
      for (const [, template] of podTemplates) {
        const labels = template.metadata?.labels ?? {};
        const own = policies.filter(
          (policy) =>
            Object.keys(policy.spec?.podSelector?.matchLabels ?? {}).length > 0 &&
            Object.entries(policy.spec?.podSelector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value),
        );
        expect(own).toHaveLength(1);
      }
    });
  });
});

describe('deploy/k8s overlays', () => {
  it('should run more, larger API replicas in prod than in dev', () => {
    const api = (objects: K8sObject[]) => one<IDeployment>(objects, 'Deployment', 'steward-api');
    const memory = (objects: K8sObject[]) =>
      api(objects).spec?.template.spec?.containers[0].resources?.limits?.['memory'] as string;
    expect(api(rendered.prod).spec?.replicas).toBeGreaterThan(api(rendered.dev).spec?.replicas ?? 0);
    expect(memory(rendered.prod)).toBe('1Gi');
    expect(memory(rendered.dev)).toBe('512Mi');
  });
});
