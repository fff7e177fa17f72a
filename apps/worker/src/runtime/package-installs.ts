// kensa start's first step for package evidence: install every catalogued vendor package into the data
// folder, several at a time, reporting progress; a second start finds them cached. Where the registry cannot
// be reached the caller says so in one line and goes on with the sandbox alone.
import { packageLaunchOf, type CatalogueEntry, type PackageLaunch } from "@kensa/core";
import { installPackage, type PackageInstall } from "@kensa/probe";

export interface PackageInstallReport {
  /** Services whose package is installed (cached or now). */
  installed: string[];
  cached: number;
  failed: { serviceId: string; package: string; reason: string; detail: string }[];
  /** Every attempt failed for want of a network (the registry, or a dependency's host, could not be reached). */
  registryUnreachable: boolean;
}

export interface InstallAllOptions {
  root: string;
  npmEnv: Record<string, string | undefined>;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, last: string) => void;
}

/** The services with a vendor package to install, one launch per distinct name@version. */
export function packageServices(entries: readonly CatalogueEntry[]): { serviceId: string; launch: PackageLaunch }[] {
  return entries.flatMap((e) => {
    const launch = packageLaunchOf(e.servers ?? []);
    return launch ? [{ serviceId: e.id, launch }] : [];
  });
}

export async function installAllPackages(entries: readonly CatalogueEntry[], options: InstallAllOptions): Promise<PackageInstallReport> {
  const services = packageServices(entries);
  // Two services may share a package (a vendor's JP and global entries): install it once.
  const byPackage = new Map<string, { launch: PackageLaunch; serviceIds: string[] }>();
  for (const s of services) {
    const key = `${s.launch.name}@${s.launch.version}`;
    byPackage.set(key, { launch: s.launch, serviceIds: [...(byPackage.get(key)?.serviceIds ?? []), s.serviceId] });
  }
  const todo = [...byPackage.entries()];
  const results = new Map<string, PackageInstall>();
  let done = 0;
  const worker = async () => {
    for (let next = todo.shift(); next && !options.signal?.aborted; next = todo.shift()) {
      const [key, { launch }] = next;
      results.set(key, await installPackage(launch, { root: options.root, env: options.npmEnv }));
      options.onProgress?.(++done, byPackage.size, key);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  const report: PackageInstallReport = { installed: [], cached: 0, failed: [], registryUnreachable: false };
  for (const [key, { serviceIds }] of byPackage) {
    const result = results.get(key);
    for (const serviceId of serviceIds) {
      if (result?.ok) report.installed.push(serviceId);
      else report.failed.push({ serviceId, package: key, reason: result?.reason ?? "not_attempted", detail: result && !result.ok ? result.detail : "stopped before its turn" });
    }
    if (result?.ok && result.cached) report.cached += 1;
  }
  report.registryUnreachable = report.installed.length === 0 && report.failed.length > 0 && report.failed.every((f) => f.reason === "network_unreachable");
  return report;
}
