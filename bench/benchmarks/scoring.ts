// scoring: grading all 225 services from a 90-day window over the year of history — the window's daily
// rollups (one query), each service's latest readiness checks and run summary (what grade.compute reads),
// then the pure scorer (evidenceFromAggregates + gradeService) for every service.
import {
  AuthMethod,
  CatalogueEntry,
  DeclaredFacts,
  emptyAggregate,
  evidenceFromAggregates,
  gradeService,
  latestCheckResults,
  mergeAggregates,
  ProbeRunSummary,
  type GradeEvidence,
  type StepAggregate,
} from "@kensa/core";
import { latestEvidenceRuns, readRollups, type RollupRow, type RunWithChecks } from "@kensa/db";
import { sharedHistory } from "../support/history";
import { compare, series, type BenchResult } from "../support/measure";

const WINDOW_DAYS = 90;
const REPEATS = 7;

interface ServiceFacts {
  id: string;
  declared: unknown;
  authMethod: AuthMethod;
}

function evidenceFor(service: ServiceFacts, rows: RollupRow[], latest: { summary: unknown; checkRuns: RunWithChecks[] }, window: { from: string; to: string }): GradeEvidence {
  const aggregates: { direct?: StepAggregate; gateway?: StepAggregate } = {};
  const totals = { structured: 0, inferred: 0, refreshes: 0, expired: 0 };
  for (const row of rows) {
    const path = row.path === "gateway" ? "gateway" : "direct";
    aggregates[path] = mergeAggregates(aggregates[path] ?? emptyAggregate(), row);
    totals.structured += row.structuredErrors;
    totals.inferred += row.inferredErrors;
    totals.refreshes += row.credentialRefreshes;
    totals.expired += row.credentialExpired;
  }
  const summary = ProbeRunSummary.safeParse(latest.summary);
  const declared = DeclaredFacts.safeParse(service.declared);
  return evidenceFromAggregates({
    window,
    aggregates,
    checks: latestCheckResults(latest.checkRuns),
    ...(summary.success ? { summary: summary.data } : {}),
    credential: { refreshes: totals.refreshes, expiredDuringRun: totals.expired },
    errorShapes: { structured: totals.structured, inferred: totals.inferred },
    declared: declared.success ? declared.data : {},
    authMethod: service.authMethod,
  });
}

export async function scoringBenchmark(): Promise<BenchResult> {
  const history = await sharedHistory();
  const { db } = history.pg;
  const rows = await db.prisma.service.findMany({ select: { id: true, authMethod: true, catalogue: true } });
  // Declared facts come from the stored catalogue entry (or, for synthetic services, its declared block).
  const services: ServiceFacts[] = rows.map((r) => {
    const entry = CatalogueEntry.safeParse(r.catalogue);
    const auth = AuthMethod.safeParse(r.authMethod);
    return { id: r.id, declared: entry.success ? entry.data.facts : (r.catalogue as { declared?: unknown }).declared ?? {}, authMethod: auth.success ? auth.data : "unknown" };
  });
  const to = history.seed.lastDay;
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (WINDOW_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const window = { from: `${from}T00:00:00.000Z`, to: `${to}T23:59:59.999Z` };
  const asOf = new Date(window.to);

  const readSeries = series(`read ${WINDOW_DAYS}-day rollups, all services (1 query)`, "ms", "lower");
  const latestSeries = series(`latest checks + summary, ${services.length} services`, "ms", "lower");
  const pureSeries = series(`pure scoring, ${services.length} services`, "ms", "lower");
  const totalSeries = series(`grade all ${services.length} (read + score)`, "ms", "lower");
  const grades: Record<string, number> = {};
  for (let i = 0; i < REPEATS + 1; i++) {
    const t0 = performance.now();
    const rollups = await readRollups(db, { from, to });
    const t1 = performance.now();
    const latest = new Map<string, Awaited<ReturnType<typeof latestEvidenceRuns>>>();
    for (const s of services) latest.set(s.id, await latestEvidenceRuns(db.prisma, s.id, asOf));
    const t2 = performance.now();
    const byService = new Map<string, RollupRow[]>();
    for (const r of rollups) (byService.get(r.serviceId) ?? byService.set(r.serviceId, []).get(r.serviceId)!).push(r);
    const reports = services.map((s) => gradeService(evidenceFor(s, byService.get(s.id) ?? [], latest.get(s.id)!, window)));
    const t3 = performance.now();
    if (i === 0) {
      for (const r of reports) grades[r.grade] = (grades[r.grade] ?? 0) + 1;
      continue; // the first pass warms the JIT and the database's caches
    }
    readSeries.samples.push(Math.round(t1 - t0));
    latestSeries.samples.push(Math.round(t2 - t1));
    pureSeries.samples.push(Math.round((t3 - t2) * 10) / 10);
    totalSeries.samples.push(Math.round(t3 - t0));
  }
  return {
    name: "scoring",
    description: `grading all ${services.length} services from a ${WINDOW_DAYS}-day window of a year of history`,
    series: [totalSeries, readSeries, latestSeries, pureSeries],
    comparisons: [
      compare(totalSeries, undefined, { max: 1_000, describe: "well under 1 s (median)" }),
      compare(pureSeries, undefined, { max: 250, describe: "pure scorer ≤ 250 ms for all services" }),
    ],
    notes: [
      `grades of this window: ${Object.entries(grades).sort().map(([g, n]) => `${g} ${n}`).join(", ")}`,
      `${REPEATS} timed passes after one warm-up; PostgreSQL; the history is the dashboard benchmark's (${history.seed.steps.toLocaleString("en-US")} steps)`,
    ],
    facts: { grades },
  };
}
