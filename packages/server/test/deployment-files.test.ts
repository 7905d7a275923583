/**
 * Lints the deployment files (no Docker engine or cluster runs here): the Dockerfile through
 * dockerfile-utils (the validator of VS Code's Docker support), the Kubernetes manifests against the
 * API's JSON schemas vendored in kubernetes-models, and the structure all of them must keep.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate as lintDockerfile } from 'dockerfile-utils';
import { Namespace, Service, ConfigMap, Secret, PersistentVolumeClaim } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { CONFIG_OPTIONS } from '../src/index.js';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const knownVariables = new Set<string>(CONFIG_OPTIONS.map((option) => option.env));

describe('Dockerfile', () => {
  const text = read('Dockerfile');
  const dockerfile = DockerfileParser.parse(text);
  const instructions = dockerfile.getInstructions();
  const stages = dockerfile.getFROMs();
  const runtime = instructions.filter((instruction) => instruction.getRange().start.line > (stages.at(-1)?.getRange().start.line ?? 0));

  it('passes the dockerfile-utils validator with no problem', () => {
    expect(lintDockerfile(text).map((problem) => `line ${problem.range.start.line + 1}: ${problem.message}`)).toEqual([]);
    // ...and the validator does report problems (a port that is not a number, a misspelt instruction).
    expect(lintDockerfile('FROM node:20-slim\nEXPOSE http\nCOPYY . .\n').length).toBeGreaterThanOrEqual(2);
  });

  it('builds in one stage (with the compilers better-sqlite3 needs) and runs in another as a non-root user', () => {
    expect(stages.map((from) => from.getBuildStage())).toEqual(['build', 'runtime']);
    expect(text).toMatch(/apt-get install[^\n]*python3 make g\+\+/);
    const user = runtime.filter((instruction) => instruction.getKeyword() === 'USER').map((instruction) => instruction.getArgumentsContent());
    expect(user).toEqual(['node']);
    expect(runtime.some((instruction) => instruction.getKeyword() === 'RUN' && /apt-get|npm install|pnpm/.test(instruction.getArgumentsContent() ?? ''))).toBe(false);
  });

  it('serves on 3000 with a health check, stops with SIGTERM, and starts the built CLI in exec form', () => {
    const keywords = new Map(runtime.map((instruction) => [instruction.getKeyword(), instruction.getArgumentsContent()]));
    expect(keywords.get('EXPOSE')).toBe('3000');
    expect(keywords.get('STOPSIGNAL')).toBe('SIGTERM');
    expect(keywords.get('HEALTHCHECK')).toContain('/healthz');
    expect(JSON.parse(keywords.get('CMD') ?? 'null')).toEqual(['node', '/app/server/dist/cli.js']);
  });

  it('sets only known CONFAB_* variables, and .dockerignore keeps installs, data and secrets out of the context', () => {
    for (const name of text.match(/CONFAB_[A-Z_]+/g) ?? []) expect(knownVariables).toContain(name);
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['**/node_modules', '**/dist', 'data', '.git', '.env']) expect(ignored).toContain(entry);
  });
});

describe('docker-compose.yml', () => {
  // `merge`: the nodes share their settings through a YAML anchor and `<<:`.
  const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, { build?: string; image?: string; environment?: Record<string, string>; healthcheck?: { test: string[] }; volumes?: string[]; stop_grace_period?: string }> };
  const nodes = ['confab1', 'confab2'].map((name) => compose.services[name]);

  it('runs two Confab nodes built from the Dockerfile, PostgreSQL, Redis 7 and an nginx proxy', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['confab1', 'confab2', 'postgres', 'proxy', 'redis']);
    expect(compose.services.redis?.image).toMatch(/^redis:7/);
    expect(compose.services.postgres?.image).toMatch(/^postgres:/);
    for (const node of nodes) {
      expect(node?.build).toBe('.');
      expect(Object.keys(node?.environment ?? {})).toEqual(expect.arrayContaining(['CONFAB_DATABASE_URL', 'CONFAB_REDIS_URL', 'CONFAB_JWT_SECRET']));
      for (const name of Object.keys(node?.environment ?? {})) expect(knownVariables).toContain(name);
      expect(node?.healthcheck?.test.join(' ')).toContain('/readyz');
      expect(node?.volumes).toContain('files:/data/files');
      expect(node?.stop_grace_period).toBe('30s');
    }
  });

  it('proxies WebSocket upgrades to both nodes and keeps /metrics inside', () => {
    const nginx = read('deploy/nginx/confab.conf');
    expect(nginx).toMatch(/server confab1:3000/);
    expect(nginx).toMatch(/server confab2:3000/);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(nginx).toMatch(/location = \/metrics \{\s*deny all;/);
  });
});

describe('Kubernetes manifests (deploy/k8s)', () => {
  const dir = 'deploy/k8s';
  const files = readdirSync(join(root, dir)).filter((file) => file.endsWith('.yaml'));
  const objects = files.flatMap((file) =>
    parseAllDocuments(read(join(dir, file))).map((document) => {
      expect(document.errors, file).toEqual([]);
      return { file, object: document.toJS() as { apiVersion: string; kind: string; metadata?: { name?: string } } & Record<string, unknown> };
    }),
  );
  const models: Record<string, new (data: never) => { validate(): void }> = {
    'v1/Namespace': Namespace,
    'v1/Service': Service,
    'v1/ConfigMap': ConfigMap,
    'v1/Secret': Secret,
    'v1/PersistentVolumeClaim': PersistentVolumeClaim,
    'apps/v1/Deployment': Deployment,
    'networking.k8s.io/v1/Ingress': Ingress,
    'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  };
  const find = <T>(kind: string): T => objects.find((entry) => entry.object.kind === kind)?.object as T;

  it('validates every object against the Kubernetes API schema of its kind', () => {
    const kinds = objects.filter((entry) => entry.object.kind !== 'Kustomization').map((entry) => `${entry.object.apiVersion}/${entry.object.kind}`);
    expect(kinds.sort()).toEqual(Object.keys(models).sort());
    for (const { file, object } of objects) {
      if (object.kind === 'Kustomization') continue;
      const Model = models[`${object.apiVersion}/${object.kind}`] as (typeof models)[string];
      expect(() => new Model(object as never).validate(), file).not.toThrow();
    }
  });

  it('the schema check catches a wrong field type (so the check above can fail)', () => {
    const broken = structuredClone(find<Record<string, unknown>>('Deployment')) as { spec: { replicas: unknown } };
    broken.spec.replicas = 'two';
    expect(() => new Deployment(broken as never).validate()).toThrow(/replicas/);
  });

  it('applies every manifest but the Secret example through kustomization.yaml', () => {
    const kustomization = parse(read(join(dir, 'kustomization.yaml'))) as { resources: string[] };
    expect(kustomization.resources.sort()).toEqual(files.filter((file) => !['kustomization.yaml', 'secret.example.yaml'].includes(file)).sort());
    for (const resource of kustomization.resources) expect(existsSync(join(root, dir, resource))).toBe(true);
  });

  it('the Deployment probes /healthz and /readyz, drains within its grace period, runs as non-root and requests resources', () => {
    const deployment = find<{ spec: { replicas: number; selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: any } } }>('Deployment');
    const pod = deployment.spec.template.spec;
    const container = pod.containers[0];
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.lifecycle.preStop.exec.command).toEqual(['sleep', '5']);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(5 + 10);
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
    expect(container.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
    expect(container.envFrom.map((source: Record<string, { name: string }>) => Object.values(source)[0]?.name).sort()).toEqual(['confab-config', 'confab-secrets']);
  });

  it('the Service, the PodDisruptionBudget and the Ingress point at the Deployment pods and port', () => {
    const labels = find<{ spec: { template: { metadata: { labels: Record<string, string> } } } }>('Deployment').spec.template.metadata.labels;
    const service = find<{ metadata: { name: string }; spec: { selector: Record<string, string>; ports: { name: string; targetPort: string }[] } }>('Service');
    expect(labels).toMatchObject(service.spec.selector);
    expect(labels).toMatchObject(find<{ spec: { selector: { matchLabels: Record<string, string> } } }>('PodDisruptionBudget').spec.selector.matchLabels);
    const backend = find<{ spec: { rules: { http: { paths: { backend: { service: { name: string; port: { name: string } } } }[] } }[] } }>('Ingress').spec.rules[0]?.http.paths[0]?.backend.service;
    expect(backend).toEqual({ name: service.metadata.name, port: { name: service.spec.ports[0]?.name } });
  });

  it('keeps /metrics off the Ingress: served on CONFAB_METRICS_PORT, a pod port that the Service (behind the Ingress) does not carry', () => {
    const metricsPort = Number(find<{ data: Record<string, string> }>('ConfigMap').data.CONFAB_METRICS_PORT);
    const deployment = find<{ spec: { template: { metadata: { annotations: Record<string, string> }; spec: any } } }>('Deployment').spec.template;
    const ports = deployment.spec.containers[0].ports as { name: string; containerPort: number }[];
    expect(metricsPort).toBeGreaterThan(0);
    expect(ports.find((port) => port.name === 'http')?.containerPort).not.toBe(metricsPort);
    expect(ports.find((port) => port.name === 'metrics')?.containerPort).toBe(metricsPort);
    expect(deployment.metadata.annotations['prometheus.io/port']).toBe(String(metricsPort));
    const service = find<{ spec: { ports: { name: string; port: number; targetPort: string | number }[] } }>('Service');
    expect(service.spec.ports.map((port) => port.targetPort)).toEqual(['http']);
    const ingress = find<{ spec: { rules: { http: { paths: { backend: { service: { port: { name?: string; number?: number } } } }[] } }[] } }>('Ingress');
    const backendPorts = ingress.spec.rules.flatMap((rule) => rule.http.paths.map((path) => path.backend.service.port));
    expect(backendPorts).toEqual([{ name: 'http' }]);
  });

  it('the ConfigMap and the Secret example hold only known CONFAB_* variables, and the example no real secret', () => {
    const config = find<{ data: Record<string, string> }>('ConfigMap').data;
    const secret = find<{ stringData: Record<string, string> }>('Secret').stringData;
    for (const name of [...Object.keys(config), ...Object.keys(secret)]) expect(knownVariables).toContain(name);
    for (const value of Object.values(secret)) expect(value).toContain('change-me');
  });
});

describe('docs/deployment.md', () => {
  it('lists every CONFAB_* variable the server reads', () => {
    const page = read('docs/deployment.md');
    const missing = [...knownVariables].filter((name) => !page.includes(`| \`${name}\` |`));
    expect(missing).toEqual([]);
  });
});
