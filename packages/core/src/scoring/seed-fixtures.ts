// Test support (not exported): synthetic runs matching the seed's facts about freee and Slack, and a
// small builder for other shapes. Outcomes are the engine's real shapes; classification happens in core.
import type { CheckResult } from "../probe/check-result";
import type { CredentialSummary, ProbeRunRecord, ProbeStepRecord, RunPath } from "../probe/probe-record";
import type { StepOutcome } from "../probe/step-outcome";
import type { RunsContext } from "./evidence-from-runs";

export interface StepSpec {
  outcome: StepOutcome;
  count: number;
  expiredAtSend?: boolean;
}

export interface RunSetSpec {
  serviceId: string;
  path: RunPath;
  runs: number;
  steps: StepSpec[];
  start?: string;
  /** Minutes between runs. */
  everyMinutes?: number;
  checks?: CheckResult[];
  credential?: Omit<CredentialSummary, "expiredDuringRun">;
  writeTools?: number;
  latencyMs?: (i: number) => number;
}

const day0 = "2026-04-01T00:00:00.000Z";

/** Spreads the steps over the runs round-robin; failed steps carry the outcome only (core classifies them). */
export function buildRuns(spec: RunSetSpec): ProbeRunRecord[] {
  const flat = spec.steps.flatMap((s) => Array.from({ length: s.count }, () => s));
  const perRun: StepSpec[][] = Array.from({ length: spec.runs }, () => []);
  flat.forEach((s, i) => perRun[i % spec.runs]!.push(s));
  const start = Date.parse(spec.start ?? day0);
  const every = (spec.everyMinutes ?? 720) * 60_000;
  const latency = spec.latencyMs ?? ((i: number) => 120 + ((i * 37) % 400));
  let n = 0;
  return perRun.map((specs, r) => {
    const startedAt = new Date(start + r * every);
    const steps: ProbeStepRecord[] = specs.map((s, seq) => ({
      seq, name: `tools/call:probe_${seq}`, kind: "call", startedAt: new Date(startedAt.getTime() + seq * 1000).toISOString(),
      latencyMs: latency(n++), outcome: s.outcome, ...(s.expiredAtSend ? { credential: { expiredAtSend: true } } : {}),
    }));
    if (r === spec.runs - 1) {
      for (const check of spec.checks ?? []) {
        steps.push({ seq: steps.length, name: `check:${check.check}`, kind: "check", startedAt: startedAt.toISOString(), latencyMs: 50, outcome: { kind: "ok", httpStatus: 200 }, check });
      }
    }
    const expired = specs.filter((s) => s.expiredAtSend).length;
    return {
      id: `00000000-0000-4000-8000-${String(r).padStart(6, "0")}${spec.path === "gateway" ? "111111" : "000000"}`,
      idempotencyKey: `${spec.serviceId}:${spec.path}:${r}`,
      serviceId: spec.serviceId, trigger: "schedule", source: "sandbox", path: spec.path,
      startedAt: startedAt.toISOString(), finishedAt: new Date(startedAt.getTime() + 60_000).toISOString(),
      summary: {
        target: { transport: "streamable-http" },
        tools: { count: 8, withSchema: 8, hash: "h", names: [], writeTools: spec.writeTools ?? 0 },
        ...(spec.credential ? { credential: { ...spec.credential, expiredDuringRun: expired } } : {}),
      },
      steps,
    };
  });
}

export const ok: StepOutcome = { kind: "ok", httpStatus: 200 };
export const expiredToken: StepOutcome = { kind: "http-error", status: 401, headers: { "www-authenticate": 'Bearer error="invalid_token"' } };
export const serverError: StepOutcome = { kind: "http-error", status: 500, headers: {} };
export const timedOut: StepOutcome = { kind: "timeout", phase: "request", limitMs: 30_000 };
export const rateLimited: StepOutcome = { kind: "http-error", status: 429, headers: { "retry-after": "60" } };
export const freeeValidation: StepOutcome = { kind: "tool-error", text: "company_id は必須です", structured: { status_code: 400, errors: [{ type: "validation", messages: ["company_id は必須です"] }] } };
export const slackInvalidBlocks: StepOutcome = { kind: "tool-error", text: "invalid_blocks", structured: { ok: false, error: "invalid_blocks" } };

export function check(name: CheckResult["check"], verdict: CheckResult["verdict"], facts: CheckResult["facts"] = {}): CheckResult {
  return { check: name, verdict, findings: [], facts };
}

const seed = "KanseiLink seed report, April 2026";

/** freee: OAuth 2.0, 24-hour tokens never refreshed before expiry, no SSO; 212 calls, 21 errors, 4 auth_expired. */
export function freeeRuns(otherFailures: StepSpec[] = [
  { outcome: freeeValidation, count: 10 }, { outcome: rateLimited, count: 4 }, { outcome: serverError, count: 2 }, { outcome: timedOut, count: 1 },
]): { runs: ProbeRunRecord[]; context: RunsContext } {
  const runs = buildRuns({
    serviceId: "freee", path: "direct", runs: 53,
    steps: [{ outcome: ok, count: 191 }, { outcome: expiredToken, count: 4, expiredAtSend: true }, ...otherFailures],
    credential: { mode: "oauth-refresh", expiresInSec: 86_400, refreshes: 0 },
    checks: [
      check("auth_challenge", "fail", { authRequired: true }),
      check("protected_resource", "fail"),
      check("authorization_server", "pass", { pkceS256: true, implicitGrant: false, dynamicClientRegistration: false, clientIdMetadataDocuments: false, refreshTokenGrant: true }),
      check("invalid_token", "pass", { status: 401 }),
      check("protocol_version", "pass"),
      check("trace_context", "fail"),
      check("server_card", "not_applicable"),
    ],
  });
  return { runs, context: { authMethod: "oauth2", declared: { saml: { value: false, source: seed }, oidc: { value: false, source: seed } } } };
}

/** Slack: 113 calls, 91% success, failures mostly invalid_input from the calling side behind intermediaries, full OAuth metadata. */
export function slackRuns(): { runs: ProbeRunRecord[]; context: RunsContext } {
  const credential = { mode: "oauth-refresh" as const, expiresInSec: 43_200, refreshes: 1 };
  const fullOAuth = [
    check("auth_challenge", "pass", { authRequired: true }),
    check("protected_resource", "pass"),
    check("authorization_server", "pass", { pkceS256: true, implicitGrant: false, dynamicClientRegistration: true, clientIdMetadataDocuments: false, refreshTokenGrant: true }),
    check("invalid_token", "pass", { status: 401 }),
    check("protocol_version", "pass"),
    check("trace_context", "fail"),
    check("server_card", "fail"),
  ];
  const direct = buildRuns({ serviceId: "slack", path: "direct", runs: 15, steps: [{ outcome: ok, count: 59 }, { outcome: slackInvalidBlocks, count: 1 }], credential, checks: fullOAuth });
  const gateway = buildRuns({ serviceId: "slack", path: "gateway", runs: 14, start: "2026-04-01T06:00:00.000Z", steps: [{ outcome: ok, count: 44 }, { outcome: slackInvalidBlocks, count: 9 }], credential });
  const slackDocs = "Slack Help Center";
  return {
    runs: [...direct, ...gateway],
    context: { authMethod: "oauth2", declared: { saml: { value: true, source: slackDocs }, oidc: { value: true, source: slackDocs }, scim: { value: true, source: slackDocs } } },
  };
}
