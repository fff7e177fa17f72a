// What happens to the next request of one service on one path: its latency, and for a tools/call which
// failure (if any) the profile injects. One seeded stream per (service, path): deterministic as long as
// calls to that service arrive in the same order.
import { InjectedErrorClass, type BehaviourProfile } from "@kensa/core";
import { logNormal, stream, type Random } from "../util/seeded-random";

export interface Draw {
  latencyMs: number;
  failure: InjectedErrorClass | null;
}

export class CallDraws {
  readonly #random: Random;
  #count = 0;

  constructor(seed: number, serviceId: string, path: string, readonly profile: BehaviourProfile, readonly latencyScale: number) {
    this.#random = stream(seed, serviceId, path, "calls");
  }

  /** Requests drawn so far (a test can check it followed the traffic). */
  get count(): number {
    return this.#count;
  }

  next(isToolCall: boolean): Draw {
    this.#count += 1;
    const latencyMs = logNormal(this.#random, this.profile.latency.medianMs, this.profile.latency.p95Ms) * this.latencyScale;
    const roll = this.#random(); // drawn for every request so the stream's position never depends on the mix
    if (!isToolCall) return { latencyMs, failure: null };
    let edge = 0;
    for (const cls of InjectedErrorClass.options) {
      edge += (this.profile.failures[cls] ?? 0) * this.profile.failureScale;
      if (roll < edge) return { latencyMs, failure: cls };
    }
    return { latencyMs, failure: null };
  }
}

/** The reference gateway's own draws for one upstream: mangled structured arguments and its own 502s. */
export class GatewayDraws {
  readonly #random: Random;

  constructor(seed: number, serviceId: string, readonly profile: BehaviourProfile) {
    this.#random = stream(seed, serviceId, "gateway", "proxy");
  }

  next(): { mangle: boolean; fail: boolean } {
    const mangleRoll = this.#random();
    const failRoll = this.#random();
    return { mangle: mangleRoll < this.profile.gateway.structuredArgsMangleRate, fail: failRoll < this.profile.gateway.errorRate };
  }
}

/** Total injected failure rate for tools/call under a profile (its intent, for tests and docs). */
export function injectedFailureRate(profile: BehaviourProfile): number {
  return InjectedErrorClass.options.reduce((sum, cls) => sum + (profile.failures[cls] ?? 0), 0) * profile.failureScale;
}
