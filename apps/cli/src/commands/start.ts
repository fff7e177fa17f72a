// kensa start — the whole system on this machine: database, sandbox fleet, scheduler, workers and the dashboard.
// Embedded by default (PGlite in ./.kensa, in-process runner); DATABASE_URL / REDIS_URL switch to the shared ones.
import { parseArgs } from "node:util";
import { anyRunRecorded, describeDatabase, databaseConfigFrom } from "@kensa/db";
import { regradeOnMethodologyChange } from "@kensa/services";
import { backfillHistory, InProcessScheduler, openRuntime, parseBackfillEnv, parseWorkerEnv, scheduledProbes, syncCatalogue, syncSchedules } from "@kensa/worker";
import { installVendorPackages } from "../support/vendor-packages";
import type { Command } from "../command";
import { ensureAdminToken } from "../support/admin-token";
import { ensureDashboardBuild, startDashboard, type Dashboard } from "../support/dashboard";
import { lineLogger } from "../support/log";
import { progressLine } from "../support/progress";
import { untilStopSignal } from "../support/signals";

export const startCommand: Command = {
  name: "start",
  summary: "run everything on this machine: sandbox fleet, scheduler, workers, dashboard",
  usage: "kensa start [--no-backfill]   (PORT, DATABASE_URL, REDIS_URL, KENSA_BACKFILL_DAYS from the environment)",
  async run(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: { "no-backfill": { type: "boolean" } } });
    const env = parseWorkerEnv();
    const history = parseBackfillEnv();
    const log = lineLogger();
    console.log(`kensa start — ${describeDatabase(databaseConfigFrom(env))}; jobs: ${env.REDIS_URL ? "BullMQ on Redis" : "in-process runner"}; targets: ${env.KENSA_TARGETS}`);

    await ensureDashboardBuild(() => console.log("building the dashboard (first start or changed sources; about a minute)…"));
    const stopping = new AbortController();
    const stopped = untilStopSignal().then((signal) => { stopping.abort(signal); return signal; });
    const runtime = await openRuntime({ env, log, migrations: "apply" });
    let dashboard: Dashboard | undefined;
    let scheduler: InProcessScheduler | undefined;
    try {
      const sync = await syncCatalogue(runtime.db, runtime.catalogue, "kensa start");
      console.log(`catalogue: ${runtime.catalogue.entries.length} services (${sync.added.length} new, ${sync.changed.length} changed, ${sync.removed.length} removed)`);
      if (runtime.sandbox) console.log(`sandbox fleet: ${runtime.sandbox.serviceIds.length} simulated services on ${runtime.sandbox.baseUrl} — everything it produces is shown as SANDBOX data`);
      const tokenFile = await ensureAdminToken(runtime.db, env.KENSA_DATA_DIR);
      if (tokenFile) console.log(`an admin API token for write actions (re-probe) was written to ${tokenFile} (mode 0600)`);
      dashboard = await startDashboard(runtime.db, runtime.queue, env.PORT, env.KENSA_HOST);
      console.log(`dashboard: ${dashboard.url} · MCP server: ${dashboard.url}/mcp`);

      // The vendors' own packages, installed into the data folder (cached after the first start) and probed beside the sandbox.
      const packageProbes = env.KENSA_PACKAGES === "on" ? await installVendorPackages(runtime, stopping.signal) : [];
      const targetProbes = scheduledProbes(runtime.catalogue.entries, runtime.targets);
      const probes = [...targetProbes, ...packageProbes];
      const firstStart = !(await anyRunRecorded(runtime.db));
      if (firstStart && runtime.sandbox && history.KENSA_BACKFILL_DAYS > 0 && !values["no-backfill"]) {
        const bar = progressLine("building sandbox history");
        // History is the sandbox's alone: a package run is observed now, never back-dated.
        const report = await backfillHistory(runtime, targetProbes, {
          days: history.KENSA_BACKFILL_DAYS,
          sweepsPerDay: history.KENSA_BACKFILL_SWEEPS_PER_DAY,
          // Runs wait on simulated latency, not CPU: a whole sweep in flight at once (those running the readiness
          // checks, several times the requests, are capped inside backfillHistory).
          concurrency: Math.max(env.WORKER_CONCURRENCY, Math.min(targetProbes.length, 256)),
          signal: stopping.signal,
          onProgress: (p) => bar.update(p.sweep, p.sweeps, `${p.day} · ${p.runs.toLocaleString("en-US")} runs`),
        });
        bar.done(`history: ${report.runs.toLocaleString("en-US")} runs over ${report.sweeps} sweeps (${report.from.slice(0, 10)} → ${report.to.slice(0, 10)}), ${report.grades.toLocaleString("en-US")} daily grades${report.failures ? `, ${report.failures} jobs failed (see log)` : ""}`);
      }
      if (!stopping.signal.aborted) {
        const regrade = await regradeOnMethodologyChange(runtime.db, runtime.queue, runtime.catalogue.entries.map((e) => e.id), "kensa start");
        if (regrade) console.log(`methodology ${regrade.from} → ${regrade.to}${regrade.staged ? ` (${regrade.staged} staged)` : ""}: re-grading every service`);
        if (runtime.bullmq) {
          const schedules = await syncSchedules(runtime.bullmq.queue.queue, probes);
          runtime.startWorker();
          console.log(`schedules: ${probes.length} on BullMQ (${schedules.added.length} new); this process also works the queue`);
        } else {
          scheduler = new InProcessScheduler(runtime.queue, runtime.clock);
          scheduler.sync(probes);
          scheduler.start((error) => log("scheduler.error", { error: String(error) }));
          console.log(`schedules: ${probes.length} in-process`);
        }
        console.log(`Kensa is running: ${dashboard.url} — Ctrl-C stops`);
      }
      await stopped;
      console.log("stopping: finishing in-flight probes…");
      return 0;
    } finally {
      scheduler?.stop();
      await dashboard?.close();
      await runtime.close();
      console.log("stopped");
    }
  },
};
