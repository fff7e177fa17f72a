// probePackage: one `package` run of a vendor's installed npm package — started over stdio in the isolated
// child (empty environment plus the catalogue's documented dummy variables, its own temporary HOME and
// working folder, network cut where the machine allows, time / memory / output bounds), then initialize,
// tools/list and one tool call without a working credential. No HTTP readiness checks: they do not apply
// to a stdio server. The summary names the package exactly as pinned.
import type { Clock, PackageLaunch } from "@kensa/core";
import type { ProbeLimits } from "./limits";
import { runProbe } from "./run-probe";
import { unauthenticatedCall } from "./stdio/unauthenticated-call";
import type { ProbeResult } from "./types";

export interface PackageProbeOptions {
  launch: PackageLaunch;
  /** The installed executable (stdio/package-install.ts). */
  binPath: string;
  limits?: Partial<ProbeLimits>;
  clock?: Clock;
  signal?: AbortSignal;
}

export async function probePackage(options: PackageProbeOptions): Promise<ProbeResult> {
  const { launch } = options;
  const result = await runProbe({
    target: { kind: "stdio", command: options.binPath, args: launch.args, env: launch.env, network: "cut" },
    credential: { kind: "none" },
    secrets: { get: () => undefined },
    calls: [],
    callsFromTools: unauthenticatedCall,
    checks: "none",
    // A stdio child makes no HTTP request of ours: nothing private may be reached on its behalf.
    addressPolicy: { allowPrivate: false, allowHosts: [] },
    path: "direct",
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  result.summary.package = { registry: "npm", name: launch.name, version: launch.version, integrity: launch.integrity, dummyEnv: Object.keys(launch.env).sort() };
  return result;
}
