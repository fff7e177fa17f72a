// scoring: grading all 225 services from a 90-day window over the year of history — the window's daily
// rollups (one query), each service's latest readiness checks and run summary (what grade.compute reads),
// then the worker's own evidence assembly (evidenceFromStored) and the pure scorer for every service.
import { AuthMethod, CatalogueEntry, DeclaredFacts, gradeService, type EvidenceInput } from "@kensa/core";
import { latestEvidenceRuns, listActiveServices, readRollups, type RollupRow } from "@kensa/db";
import { evidenceFromStored } from "@kensa/worker";
import { sharedHistory } from "../support/history";
import { compare, series, type BenchResult } from "../support/measure";

const WINDOW_DAYS = 90;
const REPEATS = 7;

interface ServiceFacts {
  id: string;
  declared: EvidenceInput["declared"];
  authMethod: AuthMethod;
}

export async function scoringBenchmark(): Promise<BenchResult> {
  const history = await sharedHistory();
  const { db } = history.pg;
  const rows = await listActiveServices(db);
  // Declared facts come from the stored catalogue entry (or, for synthetic services, its declared block).
  const services: ServiceFacts[] = rows.map((r) => {
    const entry = CatalogueEntry.safeParse(r.catalogue);
    const auth = AuthMethod.safeParse(r.authMethod);
    const declared = DeclaredFacts.safeParse(entry.success ? entry.data.facts : (r.catalogue as { declared?: unknown }).declared ?? {});
    return { id: r.id, declared: declared.success ? declared.data : {}, authMethod: auth.success ? auth.data : "unknown" };
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
    for (const s of services) latest.set(s.id, await latestEvidenceRuns(db, s.id, asOf));
    const t2 = performance.now();
    const byService = new Map<string, RollupRow[]>();
    for (const r of rollups) (byService.get(r.serviceId) ?? byService.set(r.serviceId, []).get(r.serviceId)!).push(r);
    const reports = services.map((s) => gradeService(evidenceFromStored({ window, rollups: byService.get(s.id) ?? [], latest: latest.get(s.id)!, declared: s.declared, authMethod: s.authMethod })));
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
