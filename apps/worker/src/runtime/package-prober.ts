// Runs a service's vendor package (catalogue `servers`: the vendor's own npm package, pinned by version and
// integrity) for a package.probe job: installed into the data folder on first use (kensa start installs them
// all up front), then probed isolated over stdio. The target's failure is a result; an install that cannot
// happen is our failure to report, not a run.
import { packageLaunchOf, type Clock, type PackageLaunch } from "@kensa/core";
import { installPackage, probePackage, type PackageInstall, type ProbeLimits } from "@kensa/probe";
import type { CatalogueLookup } from "@kensa/services";
import type { ProbeExecution } from "./job-context";
import { UnrecoverableJobError } from "./unrecoverable-job-error";

export type PackageProber = (serviceId: string) => Promise<ProbeExecution>;

export interface PackageProberOptions {
  entries: CatalogueLookup;
  /** The data folder's package root (`<KENSA_DATA_DIR>/packages`). */
  root: string;
  /** npm's environment for installs (config.ts installerEnv). */
  npmEnv: Record<string, string | undefined>;
  clock: Clock;
  limits?: Partial<ProbeLimits>;
}

/**
 * A package start may be slow (a cold Node start, many modules, a sandbox sweep on the same cores at the top of
 * the hour): wider bounds than a loopback sandbox call, so a slow start is measured as slow, not as a hang.
 */
export const packageProbeLimits: Partial<ProbeLimits> = { connectTimeoutMs: 45_000, requestTimeoutMs: 45_000, deadlineMs: 150_000 };

/**
 * Package probes at once per process: each starts a real program (often a cold Node start). Many at once on a
 * small machine would measure our own load — start-up times, and "hangs" that are only a busy CPU.
 */
const packageProbesAtOnce = 2;

export function createPackageProber(options: PackageProberOptions): PackageProber {
  const slots = limiter(packageProbesAtOnce);
  return (serviceId) => slots(async () => {
    const entry = await options.entries(serviceId);
    if (!entry) throw new UnrecoverableJobError(`package.probe: "${serviceId}" is not in the catalogue`);
    const launch = packageLaunchOf(entry.servers ?? []);
    if (!launch) throw new UnrecoverableJobError(`package.probe: "${serviceId}" lists no pinned npm package of the vendor's`);
    const installed = await installOrThrow(launch, options);
    const result = await probePackage({ launch, binPath: installed.binPath, clock: options.clock, limits: { ...packageProbeLimits, ...options.limits } });
    return { startedAt: result.startedAt, finishedAt: result.finishedAt, traceId: result.traceId, summary: result.summary, steps: result.steps, source: "package" as const };
  });
}

function limiter(n: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await work();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

async function installOrThrow(launch: PackageLaunch, options: PackageProberOptions): Promise<Extract<PackageInstall, { ok: true }>> {
  const installed = await installPackage(launch, { root: options.root, env: options.npmEnv });
  if (installed.ok) return installed;
  const message = `package.probe: ${launch.name}@${launch.version} could not be installed (${installed.reason}): ${installed.detail}`;
  // A tampered or re-published tarball never becomes right by retrying; an unreachable registry may.
  if (installed.reason === "integrity_mismatch" || installed.reason === "no_executable") throw new UnrecoverableJobError(message);
  throw new Error(message);
}
