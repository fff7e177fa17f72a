// A year of synthetic history for the 225 tracked services (~1.5 M steps), recorded through the real bulk
// ingest path so the daily rollups are the ingest's own. Built once per bench process and shared by the
// dashboard and scoring benchmarks; dropped when the suite ends.
import { seedDashboard, type DashboardSeed } from "@kensa/testkit";
import { openBenchPostgres, type BenchPostgres } from "./databases";

export interface History {
  pg: BenchPostgres;
  seed: DashboardSeed;
  seconds: number;
}

export const HISTORY_DAYS = 365;
export const RUNS_PER_DAY = 3;

let shared: Promise<History> | undefined;

function yesterday(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}

async function build(): Promise<History> {
  const pg = await openBenchPostgres("history");
  const started = performance.now();
  let lastShown = 0;
  try {
    const seed = await seedDashboard(pg.db, {
      services: 225,
      days: HISTORY_DAYS,
      runsPerDay: RUNS_PER_DAY,
      endDay: yesterday(),
      seed: 1,
      onProgress: (done, total) => {
        if (done - lastShown >= 73 || done === total) {
          lastShown = done;
          console.log(`  history: day ${done}/${total} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
        }
      },
    });
    await pg.db.sql.query("ANALYZE");
    return { pg, seed, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await pg.drop();
    throw error;
  }
}

export function sharedHistory(): Promise<History> {
  shared ??= build();
  return shared;
}

export async function closeSharedHistory(): Promise<void> {
  if (!shared) return;
  const history = await shared.catch(() => undefined);
  shared = undefined;
  await history?.pg.drop();
}
