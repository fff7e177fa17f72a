// A database that looks like weeks of Kensa history: the real catalogue synced, synthetic runs recorded
// through the real ingest path (so rollups are the ingest's own), readiness findings, and weekly grades
// computed by the real scorer. Used by the web tests, the browser tests and the dashboard benchmark.
// Deterministic under a seed.
import { aggregateRun, emptyAggregate, mergeAggregates, type ProbeRunRecord, type ProbeRunSummary } from "@kensa/core";
import { recordRuns, saveGradeSnapshot, syncServices, type Database } from "@kensa/db";
import { seedRun } from "./seed-runs";
import { seedGradeSnapshot, type DayEvidence } from "./seed-grades";
import { seedServices, unit, type SeedService } from "./seed-services";

export interface DashboardSeedOptions {
  /** How many catalogue services (by id order); all 225 when omitted. */
  services?: number;
  /** Only these catalogue ids (e.g. a test that needs slack); all (or the first `services`) when omitted. */
  ids?: readonly string[];
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
const gradeWindowDays = 30;

export async function seedDashboard(db: Database, options: DashboardSeedOptions): Promise<DashboardSeed> {
  const days = options.days ?? 30;
  const runsPerDay = options.runsPerDay ?? 1;
  const seed = options.seed ?? 1;
  const end = Date.parse(`${options.endDay}T00:00:00Z`);
  if (Number.isNaN(end)) throw new Error(`seedDashboard: endDay must be YYYY-MM-DD, got ${JSON.stringify(options.endDay)}`);
  const services = await seedServices({ count: options.services, ids: options.ids, seed, live: options.live });
  await syncServices(db, services.map(({ quality: _q, source: _s, entry: _e, ...row }) => row));
  const start = end - (days - 1) * dayMs;
  const evidence = new Map<string, DayEvidence[]>(services.map((s) => [s.id, []]));
  const summaries = new Map<string, ProbeRunSummary>();
  let runs = 0;
  let steps = 0;
  for (let d = 0; d < days; d++) {
    const batch: ProbeRunRecord[] = [];
    for (const service of services) {
      const day: DayEvidence = { checks: [] };
      for (let r = 0; r < runsPerDay; r++) {
        const startedAt = new Date(start + d * dayMs + Math.floor(((r + 0.5) * dayMs) / runsPerDay));
        const withChecks = (d === days - 1 || d % 7 === 0) && r === 0;
        const run = seedRun(service, startedAt, Math.floor(unit(`${seed}:${service.id}:${d}:${r}`) * 2 ** 32), withChecks);
        day[run.path] = mergeAggregates(day[run.path] ?? emptyAggregate(), aggregateRun(run));
        for (const step of run.steps) if (step.check) day.checks.push(step.check);
        summaries.set(service.id, run.summary);
        batch.push(run);
      }
      evidence.get(service.id)!.push(day);
    }
    const report = await recordRuns(db, batch);
    runs += report.inserted.length;
    steps += report.steps;
    options.onProgress?.(d + 1, days);
  }
  let grades = 0;
  const every = options.gradeEveryDays ?? 7;
  const gradeDays = [...new Set([...Array.from({ length: Math.ceil(days / every) }, (_, i) => i * every), days - 1])].filter((d) => d < days);
  for (const service of services) {
    const history = evidence.get(service.id)!;
    for (const d of gradeDays) {
      const from = Math.max(0, d - (gradeWindowDays - 1));
      const asOf = new Date(start + d * dayMs + dayMs - 60_000);
      const snapshot = seedGradeSnapshot(service, asOf, new Date(start + from * dayMs), history.slice(from, d + 1), summaries.get(service.id)!);
      if (await saveGradeSnapshot(db, snapshot)) grades += 1;
    }
  }
  return { services, runs, steps, grades, firstDay: new Date(start).toISOString().slice(0, 10), lastDay: options.endDay };
}
