// Which MCP protocol eras a simulated service serves, and what the reference gateway does with the modern era's
// mirrored headers. Four months after the 2026-07-28 revision most vendors still serve only the initialize era,
// the early movers serve both (the v2 SDK's default), a few have gone modern-only; a small share of gateways
// rewrite header values they do not know. A profile or catalogue entry may set either; where it does not, the
// service id draws it (the same id always draws the same, so a service keeps its posture across restarts and
// the mix over the catalogue is stable). Pure: the fleet and the tests call it.
import type { ProtocolEra } from "../probe/probe-record";
import type { BehaviourProfile } from "./behaviour-profile";
import { populationDraw } from "./population";

export type EraPosture = "initialize" | "dual" | "modern";

/** Target shares of the undrawn fleet: initialize-only, both eras, modern-only (the rest). */
export const protocolEraMix = { initialize: 0.7, dual: 0.22, modern: 0.08 } as const;

/** Share of gateways (per upstream service) that mangle Mcp-Method / Mcp-Name. */
export const mirroredHeaderMangleShare = 0.12;

/** Eras newest first, as the probe records them (ProbeRecord.eras). */
const erasOfPosture: Record<EraPosture, ProtocolEra[]> = {
  initialize: ["initialize"],
  dual: ["modern", "initialize"],
  modern: ["modern"],
};

export function protocolErasOf(serviceId: string, profile: Pick<BehaviourProfile, "protocolEras">): ProtocolEra[] {
  if (profile.protocolEras) return [...profile.protocolEras].sort((a, b) => (a === b ? 0 : a === "modern" ? -1 : 1));
  const roll = populationDraw(`${serviceId}:protocol-eras`);
  const posture: EraPosture = roll < protocolEraMix.initialize ? "initialize" : roll < protocolEraMix.initialize + protocolEraMix.dual ? "dual" : "modern";
  return [...erasOfPosture[posture]];
}

export function eraPostureOf(eras: readonly ProtocolEra[]): EraPosture {
  const modern = eras.includes("modern");
  const initialize = eras.includes("initialize");
  return modern && initialize ? "dual" : modern ? "modern" : "initialize";
}

export function mirroredHeadersOf(serviceId: string, profile: Pick<BehaviourProfile, "gateway">): "pass" | "mangle" {
  if (profile.gateway.mirroredHeaders) return profile.gateway.mirroredHeaders;
  return populationDraw(`${serviceId}:mirrored-headers`) < mirroredHeaderMangleShare ? "mangle" : "pass";
}
