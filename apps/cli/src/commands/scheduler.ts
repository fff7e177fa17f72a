// kensa scheduler — keeps one BullMQ job scheduler per catalogued (service, path) in step with the catalogue,
// re-reading it every minute: new services start, changed intervals update, removed services stop.
import { parseArgs } from "node:util";
import { loadCatalogue } from "@kensa/catalogue";
import { KensaError } from "@kensa/core";
import { regradeOnMethodologyChange } from "@kensa/services";
import { openRuntime, packageSchedules, packageServices, parseWorkerEnv, scheduledProbes, syncCatalogue, syncSchedules, type KensaRuntime } from "@kensa/worker";
import type { Command } from "../command";
import { lineLogger } from "../support/log";
import { untilStopSignal } from "../support/signals";

async function syncOnce(runtime: KensaRuntime, log: ReturnType<typeof lineLogger>): Promise<void> {
  const catalogue = await loadCatalogue();
  const services = await syncCatalogue(runtime.db, catalogue, "kensa scheduler");
  // Vendor packages: the worker that takes a package.probe installs the package into its data folder first.
  const packages = runtime.env.KENSA_PACKAGES === "on" ? packageSchedules(catalogue.entries, new Set(packageServices(catalogue.entries).map((s) => s.serviceId))) : [];
  const schedules = await syncSchedules(runtime.bullmq!.queue.queue, [...scheduledProbes(catalogue.entries, runtime.targets), ...packages]);
  for (const id of [...services.added, ...services.changed]) await runtime.queue.add("grade.compute", { serviceId: id, reason: "catalogue-change" }, { dedupeId: `grade.compute|${id}` });
  if (schedules.added.length || schedules.changed.length || schedules.removed.length) {
    log("schedules.synced", { added: schedules.added.length, changed: schedules.changed.length, removed: schedules.removed.length, unchanged: schedules.unchanged });
  }
}

export const schedulerCommand: Command = {
  name: "scheduler",
  summary: "keep BullMQ schedules in step with the catalogue; needs REDIS_URL and DATABASE_URL",
  usage: "kensa scheduler [--once]",
  async run(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: { once: { type: "boolean" } } });
    const env = parseWorkerEnv();
    if (!env.REDIS_URL || !env.DATABASE_URL) throw new KensaError("bad_config", "kensa scheduler needs REDIS_URL and DATABASE_URL (kensa start schedules in-process without them)");
    const log = lineLogger();
    const runtime = await openRuntime({ env, log, migrations: "verify", sandbox: false });
    try {
      await syncOnce(runtime, log);
      const regrade = await regradeOnMethodologyChange(runtime.db, runtime.queue, runtime.catalogue.entries.map((e) => e.id), "kensa scheduler");
      if (regrade) console.log(`methodology ${regrade.from} → ${regrade.to}${regrade.staged ? ` (${regrade.staged} staged)` : ""}: re-grading every service`);
      console.log(`kensa scheduler: ${(await runtime.bullmq!.queue.queue.getJobSchedulersCount())} schedules on Redis`);
      if (values.once) return 0;
      const timer = setInterval(() => void syncOnce(runtime, log).catch((error: unknown) => log("scheduler.error", { error: String(error) })), 60_000);
      await untilStopSignal();
      clearInterval(timer);
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
