// One seeded probe run of a catalogued service: the run factory's steps with failures whose evidence fits
// their class, latency scaled by the service's quality, tools in the summary, and (some days) readiness
// checks carrying the facts the scorer reads.
import { createHash } from "node:crypto";
import { errorClasses, type CheckResult, type ErrorClass, type ProbeRunRecord, type ProbeStepRecord, type StepOutcome, type ToolDefinitionRecord } from "@kensa/core";
import { seededRandom, syntheticRun } from "./run-factory";
import type { SeedService } from "./seed-services";
import { uuidFrom } from "./seed-grades";

export function seedRun(service: SeedService, startedAt: Date, seed: number, withChecks: boolean): ProbeRunRecord {
  const random = seededRandom(seed);
  const run = syntheticRun({
    serviceId: service.id,
    startedAt,
    seed,
    calls: 3,
    failureRate: 0.01 + (1 - service.quality) ** 2 * 0.3,
    failureClasses: failureMix(service),
    path: random() < 0.2 ? "gateway" : "direct",
    source: service.source,
    trigger: "backfill",
  });
  const slow = 1 + (1 - service.quality) * 3;
  run.steps = run.steps.map((step) => ({ ...step, latencyMs: Math.round(step.latencyMs * slow * 100) / 100, outcome: realisticOutcome(step) }));
  if (withChecks) run.steps.push(...checkSteps(service, run));
  const names = ["list_items", "get_item", "search", ...(service.authMethod === "none" ? ["create_item"] : [])];
  const definitions = names.map((name) => toolDefinition(name, service.quality));
  run.summary = {
    ...run.summary,
    tools: {
      count: names.length, withSchema: names.length, hash: createHash("sha256").update(names.join(",")).digest("hex"), names, writeTools: service.authMethod === "none" ? 1 : 0,
      definitions, listChars: JSON.stringify(definitions).length,
    },
  };
  // The factory's ids come from a 32-bit seed: a year of runs would collide. The idempotency key is unique.
  return { ...run, id: uuidFrom(run.idempotencyKey) };
}

/** Tool definitions as carefully written as the service is good: the tools axis of a staged methodology varies too. */
function toolDefinition(name: string, quality: number): ToolDefinitionRecord {
  const readOnly = !name.startsWith("create_");
  const words = name.replace(/_/g, " ");
  if (quality < 0.5) return { name, description: words, inputSchema: { type: "object", properties: { id: { type: "string" } } }, annotations: { readOnlyHint: readOnly } };
  const described = quality >= 0.8;
  return {
    name,
    description: `${words.replace(/^./, (c) => c.toUpperCase())} of the account; ${readOnly ? "read-only" : "writes a record"}.`,
    inputSchema: { type: "object", properties: { id: { type: "string", ...(described ? { description: "the record's id" } : {}) } }, required: ["id"] },
    ...(described && readOnly ? { outputSchema: { type: "object", properties: { id: { type: "string" } } } } : {}),
    annotations: readOnly ? { readOnlyHint: true } : { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  };
}

/** The failure classes a service of this kind tends to show (seed: freee's auth_expired, Slack's invalid_input). */
function failureMix(service: SeedService): ErrorClass[] {
  if (service.authMethod === "oauth2") return ["auth_expired", "server_error", "timeout", "invalid_input"];
  if (service.category === "communication") return ["invalid_input", "invalid_input", "rate_limited", "gateway_error"];
  return ["server_error", "timeout", "rate_limited", "not_found", "protocol_error"];
}

/** The run factory answers every failure with HTTP 500; a service page should show evidence that fits its class. */
function realisticOutcome(step: ProbeStepRecord): StepOutcome {
  const cls = step.classification?.errorClass;
  if (!cls) return step.outcome;
  switch (cls) {
    case "auth_expired":
      return { kind: "http-error", status: 401, headers: { "www-authenticate": 'Bearer error="invalid_token", error_description="The access token expired"' } };
    case "auth_invalid":
    case "auth_forbidden":
      return { kind: "http-error", status: cls === "auth_invalid" ? 401 : 403, headers: {} };
    case "invalid_input":
      return { kind: "rpc-error", code: -32602, message: "Invalid params: blocks[0].type must be one of section, divider", httpStatus: 200 };
    case "rate_limited":
      return { kind: "http-error", status: 429, headers: { "retry-after": "30" } };
    case "timeout":
      return { kind: "timeout", phase: "request", limitMs: 10_000 };
    case "gateway_error":
      return { kind: "http-error", status: 502, headers: { via: "1.1 reference-gateway" } };
    case "not_found":
      return { kind: "rpc-error", code: -32601, message: "Method not found", httpStatus: 200 };
    case "protocol_error":
      return { kind: "protocol-violation", violation: "bad-content-type", detail: "text/html answer to a JSON-RPC request", httpStatus: 200 };
    case "network_error":
      return { kind: "network-error", code: "ECONNRESET", message: errorClasses[cls].description };
    case "config_missing":
      return { kind: "process-exit", phase: "start", exitCode: 1, signal: null, stderr: "Please set EXAMPLE_API_KEY" };
    case "server_error":
    case "blocked_by_policy":
      return step.outcome;
  }
}

function checkSteps(service: SeedService, run: ProbeRunRecord): ProbeStepRecord[] {
  const method = service.authMethod;
  const oauth = method === "oauth2" || method === "oauth2_1_pkce" || method === "enterprise_sso";
  const good = service.quality > 0.6;
  const finding = (id: string, ok: boolean, message: string, fix: string) => ({ id, ok, message, ...(ok ? {} : { fix }) });
  const checks: CheckResult[] = [
    {
      check: "auth_challenge", verdict: method === "none" ? "fail" : "pass", facts: { unauthenticatedAccess: method === "none" },
      findings: [finding("challenge", method !== "none", method === "none" ? "Unauthenticated initialize succeeded" : "401 with WWW-Authenticate resource_metadata", "Require a bearer token and answer 401 with a resource_metadata challenge")],
    },
    {
      check: "trace_context", verdict: good ? "pass" : "fail", facts: { echoed: good },
      findings: [finding("traceparent_echo", good, good ? "traceparent came back in _meta" : "traceparent was dropped", "Return the W3C traceparent sent in _meta")],
    },
  ];
  if (oauth) {
    const pkce = method !== "oauth2" || good;
    checks.push(
      {
        check: "protected_resource", verdict: good ? "pass" : "fail", facts: {},
        findings: [finding("prm_document", good, good ? "RFC 9728 metadata names the authorization server" : "No /.well-known/oauth-protected-resource document", "Publish RFC 9728 protected-resource metadata")],
      },
      {
        check: "authorization_server", verdict: pkce ? "pass" : "fail",
        facts: { pkceS256: pkce, implicitGrant: false, dynamicClientRegistration: good, clientIdMetadataDocument: false, refreshTokenGrant: good, idJag: method === "enterprise_sso" },
        findings: [finding("pkce", pkce, pkce ? "Advertises PKCE S256" : "No PKCE S256 in the authorization server metadata", "Advertise code_challenge_methods_supported: [S256]")],
      },
      { check: "invalid_token", verdict: "pass", facts: { acceptedInvalidToken: false }, findings: [finding("rejects_garbage", true, "A garbage bearer token is rejected with 401", "")] },
    );
  }
  const last = run.steps[run.steps.length - 1]!;
  let at = Date.parse(last.startedAt) + Math.ceil(last.latencyMs);
  return checks.map((check, i) => ({
    seq: run.steps.length + i,
    name: `check:${check.check}`,
    kind: "check",
    startedAt: new Date((at += 5)).toISOString(),
    latencyMs: 4,
    outcome: { kind: "ok", httpStatus: 200 },
    check,
  }));
}
