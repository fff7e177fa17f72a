// Turns "probe service X on path P" into a runProbe call: the catalogue says what to call, a target
// resolver says where (the sandbox fleet, or the live endpoint) and with which credential.
import type { CatalogueEntry, Clock, CredentialSpec, RunPath, RunSource, SecretSource } from "@kensa/core";
import { runProbe, type AddressPolicy, type ProbeLimits } from "@kensa/probe";
import type { Sandbox } from "@kensa/sandbox";
import type { CatalogueLookup } from "@kensa/services";
import { heldCredential } from "./held-credential";
import type { ProbeExecution, ServiceProber } from "./job-context";
import { UnrecoverableJobError } from "./unrecoverable-job-error";

export interface ResolvedTarget {
  url: string;
  credential: CredentialSpec;
  serverJsonUrl?: string;
}

export interface TargetResolver {
  source: RunSource;
  secrets: SecretSource;
  /** undefined when the service has no endpoint to probe on this path. */
  resolve(entry: CatalogueEntry, path: RunPath): ResolvedTarget | undefined;
  /** Paths worth scheduling for a service, with their interval multipliers. */
  paths(entry: CatalogueEntry): { path: RunPath; intervalFactor: number }[];
}

// Every simulated service also sits behind the reference gateway; that path is probed a quarter as often.
const sandboxPaths: TargetResolver["paths"] = () => [{ path: "direct", intervalFactor: 1 }, { path: "gateway", intervalFactor: 4 }];

/** Probes go to this process's own fleet; without one (a scheduler) only the schedule shape is known. */
export function sandboxTargets(sandbox: Sandbox | undefined): TargetResolver {
  return {
    source: "sandbox",
    secrets: sandbox?.secrets ?? { get: () => undefined },
    resolve(entry, path) {
      if (!sandbox) return undefined;
      const t = sandbox.targetFor(entry.id, path);
      return { url: t.url, credential: t.credential, ...(t.serverJsonUrl ? { serverJsonUrl: t.serverJsonUrl } : {}) };
    },
    paths: sandboxPaths,
  };
}

export function liveTargets(secrets: SecretSource): TargetResolver {
  return {
    source: "live",
    secrets,
    resolve(entry, path) {
      if (path !== "direct" || !entry.endpoint.url) return undefined;
      return { url: entry.endpoint.url, credential: entry.credential, ...(entry.registryServerJson ? { serverJsonUrl: entry.registryServerJson } : {}) };
    },
    paths: (entry) => (entry.endpoint.url ? [{ path: "direct", intervalFactor: 1 }] : []),
  };
}

export interface ServiceProberOptions {
  /** The current catalogue entry of a service (see catalogue-lookup.ts); undefined when it is not tracked. */
  entries: CatalogueLookup;
  targets: TargetResolver;
  clock: Clock;
  addressPolicy: AddressPolicy;
  limits?: Partial<ProbeLimits>;
}

export function createServiceProber(options: ServiceProberOptions): ServiceProber {
  return async (serviceId, path, probe) => {
    const entry = await options.entries(serviceId);
    if (!entry) throw new UnrecoverableJobError(`probe.run: "${serviceId}" is not in the catalogue`);
    const target = options.targets.resolve(entry, path);
    if (!target) throw new UnrecoverableJobError(`probe.run: "${serviceId}" has no ${options.targets.source} endpoint on the ${path} path`);
    const result = await runProbe({
      target: { kind: "http", url: target.url, transport: entry.endpoint.transport === "sse" ? "sse" : "auto" },
      // Live: a vendor we hold no account with is probed without a credential, and graded partial (held-credential.ts).
      credential: options.targets.source === "live" ? await heldCredential(target.credential, options.targets.secrets) : target.credential,
      secrets: options.targets.secrets,
      calls: entry.calls,
      checks: probe.withChecks ? "all" : "none",
      addressPolicy: options.addressPolicy,
      clock: options.clock,
      path,
      ...(options.limits ? { limits: options.limits } : {}),
      ...(target.serverJsonUrl ? { registry: { serverJsonUrl: target.serverJsonUrl } } : {}),
    });
    const execution: ProbeExecution = {
      startedAt: result.startedAt,
      finishedAt: result.finishedAt,
      traceId: result.traceId,
      summary: result.summary,
      steps: result.steps,
      source: options.targets.source,
    };
    return execution;
  };
}
