// evidenceFromAggregates: what a worker knows from stored rollups and the latest run → GradeEvidence.
// Normalises (sorted error counts, only the check facts the scorer reads, observed beats declared) and
// validates: inconsistent counts or a backwards window are a KensaError naming the field.
import { z } from "zod";
import { DeclaredFacts, type AuthMethod, type DeclaredTokenLifetime } from "../catalogue/declared-facts";
import { KensaError } from "../errors/kensa-error";
import type { CheckResult } from "../probe/check-result";
import type { ProbeRunSummary, RunPath } from "../probe/probe-record";
import { latencyPercentiles, type StepAggregate } from "../rollup/step-aggregate";
import { allErrorClasses } from "../taxonomy/error-classes";
import type { ErrorShapeTally } from "./error-shapes";
import { carriesVendorCredential } from "./vendor-credential";
import { declaredFactNames, GradeEvidence, httpAuthChecks, scoredCheckFacts, type CheckEvidence, type PathTraffic } from "./evidence";

export interface EvidenceInput {
  window: { from: string; to: string };
  /** Per path, summed over the window's daily rollups. A path with no runs may be omitted. */
  aggregates: { direct?: StepAggregate; gateway?: StepAggregate };
  /** The latest result of each readiness check (at most one per check). */
  checks?: readonly CheckResult[];
  /** The latest run's summary: tools, credential mode and lifetime (the latest direct run's, where there is one). */
  summary?: ProbeRunSummary;
  /** The path `summary` came from: a gateway run's credential is the gateway's, so only its tools are read. */
  summaryPath?: RunPath;
  /** Window totals of the direct runs' credential summaries (behind a gateway the credential is the gateway's). */
  credential?: { refreshes: number; expiredDuringRun: number };
  errorShapes?: ErrorShapeTally;
  declared: z.input<typeof DeclaredFacts>;
  authMethod: AuthMethod;
  tokenLifetime?: DeclaredTokenLifetime;
  /** The runs were made on documented dummy configuration, not a working credential of ours (see coverage.ts). */
  dummyCredential?: boolean;
}

export function evidenceFromAggregates(input: EvidenceInput): GradeEvidence {
  const declared = parseOrThrow(DeclaredFacts, input.declared, "declared");
  const credential = input.summaryPath !== undefined && !carriesVendorCredential(input.summaryPath) ? undefined : input.summary?.credential;
  const lifetime = credentialLifetime(credential, input.tokenLifetime);
  const evidence = {
    format: "kensa.evidence/v1" as const,
    window: { from: input.window.from, to: input.window.to },
    traffic: {
      ...(hasTraffic(input.aggregates.direct) ? { direct: pathTraffic(input.aggregates.direct) } : {}),
      ...(hasTraffic(input.aggregates.gateway) ? { gateway: pathTraffic(input.aggregates.gateway) } : {}),
    },
    ...(input.errorShapes ? { errorShapes: { structured: input.errorShapes.structured, inferred: input.errorShapes.inferred } } : {}),
    checks: checkEvidence(input.checks ?? [], input.summary?.target.transport === "stdio"),
    ...(input.summary?.tools ? { tools: toolsEvidence(input.summary.tools) } : {}),
    credential: {
      ...(credential ? { mode: credential.mode } : {}),
      refreshes: input.credential?.refreshes ?? 0,
      expiredDuringRun: input.credential?.expiredDuringRun ?? 0,
      ...lifetime,
      ...(input.dummyCredential ? { dummy: true as const } : {}),
    },
    authMethod: input.authMethod,
    declared: Object.fromEntries(
      declaredFactNames.map((name) => {
        const fact = declared[name];
        return [name, fact.source === undefined || fact.value === "unknown" ? { value: fact.value } : { value: fact.value, source: fact.source }];
      }),
    ),
  };
  return parseOrThrow(GradeEvidence, evidence, "evidence");
}

function toolsEvidence(t: NonNullable<ProbeRunSummary["tools"]>): NonNullable<GradeEvidence["tools"]> {
  return {
    count: t.count,
    writeTools: t.writeTools,
    ...(t.definitions ? { definitions: t.definitions } : {}),
    ...(t.definitionsOmitted !== undefined ? { definitionsOmitted: t.definitionsOmitted } : {}),
    ...(t.listChars !== undefined ? { listChars: t.listChars } : {}),
  };
}

function hasTraffic(agg: StepAggregate | undefined): agg is StepAggregate {
  return agg !== undefined && (agg.runs > 0 || agg.calls > 0);
}

function pathTraffic(agg: StepAggregate): PathTraffic {
  const errorCounts: PathTraffic["errorCounts"] = {};
  for (const cls of allErrorClasses) {
    const n = agg.errorCounts[cls];
    if (n) errorCounts[cls] = n;
  }
  return {
    runs: agg.runs,
    calls: agg.calls,
    successes: agg.successes,
    vendorFailures: agg.vendorFailures,
    clientFailures: agg.clientFailures,
    intermediaryFailures: agg.intermediaryFailures,
    errorCounts,
    latencyMs: latencyPercentiles(agg),
  };
}

function checkEvidence(checks: readonly CheckResult[], stdio: boolean): Partial<Record<CheckResult["check"], CheckEvidence>> {
  const out: Partial<Record<CheckResult["check"], CheckEvidence>> = {};
  for (const check of [...checks].sort((a, b) => (a.check < b.check ? -1 : 1))) {
    if (out[check.check]) throw new KensaError("bad_request", `evidence: two results for readiness check "${check.check}"; pass only the latest`);
    const facts: CheckEvidence["facts"] = {};
    for (const name of scoredCheckFacts[check.check] ?? []) {
      const value = check.facts[name];
      if (typeof value === "boolean" || typeof value === "number" || typeof value === "string" || value === null) facts[name] = value;
    }
    out[check.check] = { verdict: check.verdict, facts };
  }
  // Marked even when the checks were not run (--checks none): over stdio they never apply.
  if (stdio) for (const name of httpAuthChecks) out[name] = { verdict: "not_applicable", facts: { transport: "stdio" } };
  return out;
}

/** Observed lifetime (expires_in of the credential the probe used) beats the declared one. */
function credentialLifetime(credential: ProbeRunSummary["credential"], declared: DeclaredTokenLifetime | undefined) {
  const observed = credential?.expiresInSec;
  if (observed !== undefined && observed > 0) return { lifetimeSec: observed, lifetimeSource: "observed" as const };
  if (declared) return { lifetimeSec: declared.seconds, lifetimeSource: "declared" as const };
  return {};
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${[what, ...i.path].join(".")}: ${i.message}`);
  throw new KensaError("bad_request", `invalid grading evidence — ${issues.join("; ")}`, { issues });
}
