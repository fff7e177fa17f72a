// A stand-in for the *target* (not for Kensa's storage or queue): a deterministic "server" whose answers
// depend only on (service, call number), so runs of the same sweep compare across runners.
import type { Clock, ProbeStepRecord } from "@kensa/core";
import { seededRandom } from "@kensa/testkit";
import type { ProbeExecution, ServiceProber } from "../../runtime/job-context";

export function fixtureProber(options: { clock: Clock; delayMs?: number; failureRate?: number; onStart?: (serviceId: string) => void }): ServiceProber {
  const calls = new Map<string, number>();
  return async (serviceId, path) => {
    options.onStart?.(serviceId);
    const n = (calls.get(serviceId) ?? 0) + 1;
    calls.set(serviceId, n);
    const random = seededRandom([...serviceId].reduce((h, c) => h * 31 + c.charCodeAt(0), n) >>> 0);
    const started = options.clock.now();
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    const names = ["connect", "initialize", "tools/list", "tools/call:list_items"];
    const steps: ProbeStepRecord[] = names.map((name, seq) => {
      const failed = random() < (options.failureRate ?? 0.2);
      return {
        seq,
        name,
        kind: name.startsWith("tools/call") ? "call" : "protocol",
        startedAt: new Date(started + seq * 10).toISOString(),
        latencyMs: 5 + Math.floor(random() * 50),
        outcome: failed ? { kind: "http-error", status: 503, headers: {} } : { kind: "ok" },
      };
    });
    const execution: ProbeExecution = {
      startedAt: new Date(started).toISOString(),
      finishedAt: new Date(started + 100).toISOString(),
      summary: { target: { url: `http://fixture.invalid/${serviceId}/${path}`, transport: "streamable-http" } },
      steps,
      source: "sandbox",
    };
    return execution;
  };
}
