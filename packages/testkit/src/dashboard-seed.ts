// A database that looks like weeks of Kensa history: services synced, runs recorded through the real
// ingest path (so rollups are the ingest's own), readiness findings, and weekly grade snapshots.
// Used by the web tests, the browser tests and the dashboard benchmark. Deterministic under a seed.
import { createHash } from "node:crypto";
import { errorClasses, type CheckResult, type ErrorClass, type ProbeRunRecord, type ProbeStepRecord, type StepOutcome } from "@kensa/core";
import { recordRuns, saveGradeSnapshot, syncServices, type Database } from "@kensa/db";
import { syntheticRun, seededRandom } from "./run-factory";
import { seedPopulation, type SeedService } from "./seed-population";
import { seedGrade } from "./seed-grades";

export interface DashboardSeedOptions {
  services?: number;
  days?: number;
  runsPerDay?: number;
  /** Last day of history, YYYY-MM-DD (UTC). */
  endDay: string;
  seed?: number;
  live?: number;
  gradeEveryDays?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DashboardSeed {
  services: SeedService[];
  runs: number;
  steps: number;
  grades: number;
  firstDay: string;
  lastDay: string;
}

const dayMs = 86_400_000;

export async function seedDashboard(db: Database, options: DashboardSeedOptions): Promise<DashboardSeed> {
  const days = options.days ?? 30;
  const runsPerDay = options.runsPerDay ?? 1;
  const seed = options.seed ?? 1;
  const services = seedPopulation({ count: options.services ?? 225, seed, live: options.live });
  await syncServices(db.prisma, services.map(({ quality: _q, source: _s, ...row }) => row));
  const end = Date.parse(`${options.endDay}T00:00:00Z`);
  if (Number.isNaN(end)) throw new Error(`seedDashboard: endDay must be YYYY-MM-DD, got ${JSON.stringify(options.endDay)}`);
  const start = end - (days - 1) * dayMs;
  const daily = new Map<string, { calls: number; vendorFailures: number }[]>(services.map((s) => [s.id, []]));
  let runs = 0;
  let steps = 0;
  for (let d = 0; d < days; d++) {
    const batch: ProbeRunRecord[] = [];
    for (const service of services) {
      const totals = { calls: 0, vendorFailures: 0 };
      for (let r = 0; r < runsPerDay; r++) {
        const startedAt = new Date(start + d * dayMs + Math.floor(((r + 0.5) * dayMs) / runsPerDay));
        const run = seededServiceRun(service, startedAt, hashSeed(`${seed}:${service.id}:${d}:${r}`), (d === days - 1 || d % 7 === 0) && r === 0);
        for (const s of run.steps) {
          if (s.kind === "check") continue;
          totals.calls += 1;
          if (s.classification?.fault === "vendor") totals.vendorFailures += 1;
        }
        batch.push(run);
      }
      daily.get(service.id)!.push(totals);
    }
    const report = await recordRuns(db, batch);
    runs += report.inserted.length;
    steps += report.steps;
    options.onProgress?.(d + 1, days);
  }
  const grades = await seedGrades(db, services, daily, start, days, options.gradeEveryDays ?? 7);
  return { services, runs, steps, grades, firstDay: new Date(start).toISOString().slice(0, 10), lastDay: options.endDay };
}

async function seedGrades(db: Database, services: SeedService[], daily: Map<string, { calls: number; vendorFailures: number }[]>, start: number, days: number, every: number): Promise<number> {
  let written = 0;
  const gradeDays = [...Array.from({ length: Math.ceil(days / every) }, (_, i) => i * every), days - 1].filter((d, i, all) => all.indexOf(d) === i && d < days);
  for (const service of services) {
    const history = daily.get(service.id)!;
    for (const [step, d] of gradeDays.entries()) {
      const window = history.slice(Math.max(0, d - 29), d + 1);
      const computedAt = new Date(start + d * dayMs + dayMs - 60_000);
      const snapshot = seedGrade({
        service,
        computedAt,
        windowDays: 30,
        step,
        calls: window.reduce((n, w) => n + w.calls, 0),
        vendorFailures: window.reduce((n, w) => n + w.vendorFailures, 0),
      });
      if (await saveGradeSnapshot(db.prisma, snapshot)) written += 1;
    }
  }
  return written;
}

/** The failure classes a service of this kind tends to show (seed: freee's auth_expired, Slack's invalid_input). */
function failureMix(service: SeedService): ErrorClass[] {
  if (service.authMethod === "oauth2") return ["auth_expired", "server_error", "timeout", "invalid_input"];
  if (service.category === "communication") return ["invalid_input", "invalid_input", "rate_limited", "gateway_error"];
  return ["server_error", "timeout", "rate_limited", "not_found", "protocol_error"];
}

function seededServiceRun(service: SeedService, startedAt: Date, seed: number, withChecks: boolean): ProbeRunRecord {
  const random = seededRandom(seed);
  const failureRate = 0.01 + (1 - service.quality) ** 2 * 0.3;
  const run = syntheticRun({
    serviceId: service.id,
    startedAt,
    seed,
    calls: 3,
    failureRate,
    failureClasses: failureMix(service),
    path: random() < 0.2 ? "gateway" : "direct",
    source: service.source,
    trigger: "backfill",
  });
  const slow = 1 + (1 - service.quality) * 3;
  run.steps = run.steps.map((step) => ({ ...step, latencyMs: Math.round(step.latencyMs * slow * 100) / 100, outcome: realisticOutcome(step) }));
  if (withChecks) run.steps.push(...checkSteps(service, run));
  // The factory's ids come from a 32-bit seed: a year of runs would collide. The idempotency key is unique.
  return { ...run, id: uuidFromText(run.idempotencyKey) };
}

/** The run factory answers every failure with HTTP 500; a service page should show evidence that fits its class. */
function realisticOutcome(step: ProbeStepRecord): StepOutcome {
  const cls = step.classification?.errorClass;
  if (!cls) return step.outcome;
  const text = errorClasses[cls].description;
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
      return { kind: "network-error", code: "ECONNRESET", message: text };
    case "server_error":
    case "blocked_by_policy":
      return step.outcome;
  }
}

function checkSteps(service: SeedService, run: ProbeRunRecord): ProbeStepRecord[] {
  const oauth = service.authMethod !== "none" && service.authMethod !== "api_key" && service.authMethod !== "unknown";
  const good = service.quality > 0.6;
  const checks: CheckResult[] = [
    { check: "auth_challenge", verdict: oauth ? "pass" : "fail", facts: { status: oauth ? 401 : 200 }, findings: [{ id: "resource_metadata", ok: oauth, message: oauth ? "401 with WWW-Authenticate resource_metadata" : "Unauthenticated initialize succeeded", ...(oauth ? {} : { fix: "Require a bearer token and answer 401 with a resource_metadata challenge" }) }] },
    { check: "protected_resource", verdict: oauth && good ? "pass" : "fail", facts: {}, findings: [{ id: "prm_document", ok: oauth && good, message: oauth && good ? "RFC 9728 metadata names the authorization server" : "No /.well-known/oauth-protected-resource document", ...(oauth && good ? {} : { fix: "Publish RFC 9728 protected-resource metadata" }) }] },
    { check: "trace_context", verdict: good ? "pass" : "fail", facts: { echoed: good }, findings: [{ id: "traceparent_echo", ok: good, message: good ? "traceparent came back in _meta" : "traceparent was dropped", ...(good ? {} : { fix: "Return the W3C traceparent sent in _meta" }) }] },
  ];
  const last = run.steps[run.steps.length - 1]!;
  let at = Date.parse(last.startedAt) + Math.ceil(last.latencyMs);
  return checks.map((check, i) => {
    const startedAt = new Date((at += 5)).toISOString();
    return { seq: run.steps.length + i, name: `check:${check.check}`, kind: "check", startedAt, latencyMs: 4, outcome: { kind: "ok", httpStatus: 200 }, check };
  });
}

function hashSeed(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32LE(0);
}

function uuidFromText(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
