import { readdirSync, readFileSync } from "node:fs";
import { ConfigSchema } from "@seismo/config";
import { ROLES } from "@seismo/core";
import { createMetrics } from "@seismo/observability";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";

const ROOT = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), "utf8");

const SCRIPTS = Object.keys((JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts);
const CONFIG_KEYS = new Set(Object.keys(ConfigSchema.shape));
const ROLE_VALUES = new Set<string>([...ROLES, "all"]);

/** `["pnpm", "worker"]` → "worker"; anything else is not a root script call. */
function scriptOf(command: unknown): string | null {
  if (!Array.isArray(command) || command[0] !== "pnpm") return null;
  const rest = command.slice(1).filter((a) => a !== "--silent" && a !== "run");
  return typeof rest[0] === "string" ? rest[0] : null;
}

interface ComposeService {
  image?: string;
  command?: unknown;
  environment?: Record<string, unknown>;
  deploy?: { replicas?: number };
  healthcheck?: { test?: unknown };
  expose?: string[];
  depends_on?: Record<string, unknown>;
}
const compose = parse(read("infra/compose.yaml"), { merge: true }) as { services: Record<string, ComposeService> };
const appServices = Object.entries(compose.services).filter(([, s]) => s.command && scriptOf(s.command) !== null);

interface K8sDoc {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}
const k8sFiles = readdirSync(new URL("infra/k8s/", ROOT)).filter((f) => f.endsWith(".yaml"));
const k8s: K8sDoc[] = k8sFiles.flatMap((f) =>
  parseAllDocuments(read(`infra/k8s/${f}`)).map((d) => {
    if (d.errors.length > 0) throw new Error(`${f}: ${d.errors.map((e) => e.message).join("; ")}`);
    return d.toJS() as K8sDoc;
  }),
);
interface Container {
  name: string;
  command?: unknown;
  env?: Array<{ name: string; value?: string }>;
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  readinessProbe?: { httpGet?: { path: string; port: unknown } };
  livenessProbe?: { httpGet?: { path: string; port: unknown } };
  ports?: Array<{ name?: string; containerPort: number }>;
}
interface PodTemplate {
  metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
  spec: { containers: Container[] };
}
const deployments = k8s.filter((d) => d.kind === "Deployment");
const template = (d: K8sDoc) => (d.spec as { template: PodTemplate }).template;
const byKindName = (kind: string, name: string) => k8s.find((d) => d.kind === kind && d.metadata.name === name);

describe("infra/compose.yaml", () => {
  it("runs every app service through a root package.json script", () => {
    expect(appServices.length).toBeGreaterThanOrEqual(3);
    for (const [name, service] of appServices) {
      expect({ name, script: scriptOf(service.command) }).toEqual({ name, script: expect.toBeOneOf(SCRIPTS) });
    }
  });

  it("sets only environment variables the config schema knows", () => {
    for (const [name, service] of appServices) {
      const unknown = Object.keys(service.environment ?? {}).filter((k) => !CONFIG_KEYS.has(k));
      expect({ name, unknown }).toEqual({ name, unknown: [] });
    }
  });

  it("runs each worker with a valid SEISMO_ROLE, with replicas per role", () => {
    const workers = appServices.filter(([, s]) => scriptOf(s.command) === "worker");
    const roles = workers.map(([, s]) => String(s.environment?.SEISMO_ROLE));
    for (const role of roles) expect(ROLE_VALUES).toContain(role);
    expect(new Set(roles)).toEqual(new Set(["ingest", "process"]));
    for (const [, s] of workers) expect(s.deploy?.replicas ?? 1).toBeGreaterThanOrEqual(1);
  });

  it("probes the API on /api/v1/health and waits for healthy PostgreSQL and Redis", () => {
    expect(JSON.stringify(compose.services.api?.healthcheck?.test)).toContain("/api/v1/health");
    for (const [name, s] of appServices) {
      expect({ name, deps: Object.keys(s.depends_on ?? {}).sort() }).toEqual({ name, deps: ["postgres", "redis"] });
    }
  });

  it("probes each worker on /readyz of SEISMO_METRICS_PORT, listening beyond loopback for scrapes", () => {
    const workers = appServices.filter(([, s]) => scriptOf(s.command) === "worker");
    for (const [name, s] of workers) {
      const port = String(s.environment?.SEISMO_METRICS_PORT);
      expect({ name, port: Number(port) > 0 }).toEqual({ name, port: true });
      expect(s.environment?.HOST).toBe("0.0.0.0");
      expect(JSON.stringify(s.healthcheck?.test)).toContain(`127.0.0.1:${port}/readyz`);
      expect(s.expose).toContain(port);
    }
  });

  it("keeps Redis on AOF with noeviction (queued jobs must survive a restart and never be evicted)", () => {
    const command = JSON.stringify(compose.services.redis?.command);
    expect(command).toContain('"--appendonly","yes"');
    expect(command).toContain('"--maxmemory-policy","noeviction"');
  });
});

describe("infra/k8s", () => {
  it("parses, and names a kind and a name in every document", () => {
    expect(k8s.length).toBeGreaterThan(5);
    for (const d of k8s) expect(d.kind && d.metadata?.name).toBeTruthy();
  });

  it("selects exactly the labels of each deployment's pod template", () => {
    for (const d of deployments) {
      const selector = (d.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels;
      expect(template(d).metadata.labels).toMatchObject(selector);
    }
    for (const svc of k8s.filter((d) => d.kind === "Service")) {
      const selector = (svc.spec as { selector: Record<string, string> }).selector;
      const targets = deployments.filter((d) =>
        Object.entries(selector).every(([k, v]) => template(d).metadata.labels[k] === v),
      );
      expect({ service: svc.metadata.name, targets: targets.length }).toEqual({
        service: svc.metadata.name,
        targets: 1,
      });
    }
  });

  it("runs every container through a root package.json script, with only known env vars", () => {
    const configMapKeys = (name: string) => Object.keys(byKindName("ConfigMap", name)?.data ?? {});
    const secretKeys = (name: string) => Object.keys(byKindName("Secret", name)?.stringData ?? {});
    for (const d of deployments) {
      for (const c of template(d).spec.containers) {
        expect(SCRIPTS).toContain(scriptOf(c.command));
        const names = [
          ...(c.env ?? []).map((e) => e.name),
          ...(c.envFrom ?? []).flatMap((f) =>
            f.configMapRef ? configMapKeys(f.configMapRef.name) : f.secretRef ? secretKeys(f.secretRef.name) : [],
          ),
        ];
        expect(names.length).toBeGreaterThan(0);
        const unknown = names.filter((n) => !CONFIG_KEYS.has(n));
        expect({ deployment: d.metadata.name, unknown }).toEqual({ deployment: d.metadata.name, unknown: [] });
      }
    }
  });

  it("gives worker deployments a valid SEISMO_ROLE and the API probes on /api/v1/health", () => {
    for (const d of deployments) {
      for (const c of template(d).spec.containers) {
        if (scriptOf(c.command) === "worker") {
          const role = c.env?.find((e) => e.name === "SEISMO_ROLE")?.value;
          expect(ROLE_VALUES).toContain(role);
          expect(template(d).metadata.labels.role).toBe(role);
        }
        if (scriptOf(c.command) === "api") {
          expect(c.readinessProbe?.httpGet?.path).toBe("/api/v1/health");
          expect(c.livenessProbe?.httpGet?.path).toBe("/api/v1/health");
          expect(c.ports?.map((p) => p.name)).toContain(c.readinessProbe?.httpGet?.port);
        }
      }
    }
  });

  it("probes each worker on /readyz and /healthz of its metrics port, and marks that port for scraping", () => {
    const port = Number(byKindName("ConfigMap", "seismo-config")?.data?.SEISMO_METRICS_PORT);
    expect(port).toBeGreaterThan(0);
    const workers = deployments.filter((d) =>
      template(d).spec.containers.some((c) => scriptOf(c.command) === "worker"),
    );
    expect(workers.length).toBeGreaterThanOrEqual(2);
    for (const d of workers) {
      const c = template(d).spec.containers[0];
      const named = c?.ports?.find((p) => p.name === c.readinessProbe?.httpGet?.port);
      expect({ deployment: d.metadata.name, port: named?.containerPort }).toEqual({
        deployment: d.metadata.name,
        port,
      });
      expect(c?.readinessProbe?.httpGet?.path).toBe("/readyz");
      expect(c?.livenessProbe?.httpGet).toEqual({ path: "/healthz", port: named?.name });
      expect(template(d).metadata.annotations).toMatchObject({
        "prometheus.io/scrape": "true",
        "prometheus.io/port": String(port),
      });
    }
  });

  it("scales the process workers with KEDA on the tag-article wait list under the configured prefix", () => {
    const scaled = k8s.find((d) => d.kind === "ScaledObject");
    const spec = scaled?.spec as {
      scaleTargetRef: { name: string };
      triggers: Array<{ type: string; metadata: Record<string, string>; authenticationRef?: { name: string } }>;
    };
    const target = byKindName("Deployment", spec.scaleTargetRef.name);
    expect(target && template(target).spec.containers[0]?.env?.find((e) => e.name === "SEISMO_ROLE")?.value).toBe(
      "process",
    );
    // The deployment leaves the replica count to KEDA, or the two would fight over it.
    expect((target?.spec as { replicas?: number } | undefined)?.replicas).toBeUndefined();
    expect(target).toBeDefined();
    const prefix = byKindName("ConfigMap", "seismo-config")?.data?.SEISMO_QUEUE_PREFIX;
    const trigger = spec.triggers.find((t) => t.type === "redis");
    expect(trigger?.metadata.listName).toBe(`${prefix}:tag-article:wait`);
    expect(byKindName("TriggerAuthentication", trigger?.authenticationRef?.name ?? "")).toBeDefined();
  });
});

describe("infra/grafana/seismo.json", () => {
  const dashboard = JSON.parse(read("infra/grafana/seismo.json")) as {
    panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
  };

  it("queries only metrics that the process registry exports", async () => {
    const exported = (await createMetrics().registry.getMetricsAsJSON()).map((m) => m.name);
    const known = new Set(exported.flatMap((n) => [n, `${n}_bucket`, `${n}_sum`, `${n}_count`]));
    const used = dashboard.panels.flatMap((p) => p.targets.flatMap((t) => t.expr.match(/\bseismo_[a-z0-9_]+/g) ?? []));
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((m) => !known.has(m))).toEqual([]);
  });

  it("covers queue depth, job latency, fetch outcomes and indicators by type", () => {
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)).join("\n");
    for (const metric of [
      "seismo_queue_depth",
      "seismo_job_duration_seconds_bucket",
      "seismo_fetches_total",
      "seismo_indicators_total",
    ]) {
      expect(exprs).toContain(metric);
    }
  });
});

describe("infra/Dockerfile", () => {
  const dockerfile = read("infra/Dockerfile");

  it("is multi-stage, runs as a non-root user and forwards signals to the process", () => {
    expect(dockerfile.match(/^FROM /gm)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/--frozen-lockfile/);
    expect(dockerfile).toMatch(/ENTRYPOINT \["tini", "--"\]/);
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(SCRIPTS).toContain(scriptOf(JSON.parse(cmd ?? "[]")));
  });
});
