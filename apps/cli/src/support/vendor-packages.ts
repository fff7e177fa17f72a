// kensa start's vendor-package step: install every catalogued vendor package into the data folder with a
// progress bar (several at once; a second start finds them cached), say in one line what happened, and hand
// back the package.probe schedules of the ones that installed. Where the registry cannot be reached: one
// clear line, and the sandbox alone.
import { installAllPackages, installerEnv, packageRoot, packageSchedules, packageServices, type KensaRuntime, type ScheduledProbe } from "@kensa/worker";
import { progressLine } from "./progress";

export async function installVendorPackages(runtime: KensaRuntime, signal: AbortSignal): Promise<ScheduledProbe[]> {
  const entries = runtime.catalogue.entries;
  const wanted = packageServices(entries).length;
  if (wanted === 0) return [];
  const root = packageRoot(runtime.env);
  const bar = progressLine("installing vendor packages");
  const report = await installAllPackages(entries, {
    root,
    npmEnv: installerEnv(),
    concurrency: 4,
    signal,
    onProgress: (done, total, last) => bar.update(done, total, last),
  });
  if (report.registryUnreachable) {
    bar.done(`vendor packages: the npm registry cannot be reached (${report.failed[0]?.detail.slice(0, 120) ?? ""}) — going on with the sandbox alone`);
    return [];
  }
  bar.done(`vendor packages: ${report.installed.length} of ${wanted} services' packages installed in ${root} (${report.cached} cached)${report.failed.length ? `, ${report.failed.length} not: ${report.failed.map((f) => `${f.package} (${f.reason})`).join(", ")}; first error: ${report.failed[0]!.detail.split("\n")[0]!.slice(0, 160)}` : ""} — probed over stdio as PACKAGE data, apart from the sandbox`);
  return packageSchedules(entries, new Set(report.installed));
}
