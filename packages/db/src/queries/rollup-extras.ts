// Counters a rollup keeps beside the step aggregate, for the audit and auth axes: error shapes (via the
// scorer's own addErrorShape) and the runs' credential events. Shared by ingest and rebuild.
import { addErrorShape, type ProbeRunRecord, type ShapeFacts } from "@kensa/core";

export interface RollupExtras {
  structuredErrors: number;
  inferredErrors: number;
  credentialRefreshes: number;
  credentialExpired: number;
}

export const emptyExtras = (): RollupExtras => ({ structuredErrors: 0, inferredErrors: 0, credentialRefreshes: 0, credentialExpired: 0 });

export function addStepShape(into: RollupExtras, step: ShapeFacts): void {
  const tally = addErrorShape({ structured: 0, inferred: 0 }, step);
  into.structuredErrors += tally.structured;
  into.inferredErrors += tally.inferred;
}

export function addRunCredential(into: RollupExtras, credential: { refreshes?: number; expiredDuringRun?: number } | undefined): void {
  into.credentialRefreshes += credential?.refreshes ?? 0;
  into.credentialExpired += credential?.expiredDuringRun ?? 0;
}

export function runExtras(run: ProbeRunRecord): RollupExtras {
  const extras = emptyExtras();
  addRunCredential(extras, run.summary.credential);
  for (const step of run.steps) {
    const c = step.classification;
    if (c) addStepShape(extras, { kind: step.kind, errorClass: c.errorClass, fault: c.fault, confidence: c.confidence });
  }
  return extras;
}

export function mergeExtras(into: RollupExtras, from: RollupExtras): RollupExtras {
  into.structuredErrors += from.structuredErrors;
  into.inferredErrors += from.inferredErrors;
  into.credentialRefreshes += from.credentialRefreshes;
  into.credentialExpired += from.credentialExpired;
  return into;
}

/** A rollup that mixes simulated and live runs is simulated: sandbox data is never shown as a measurement. */
export function mergedSource(a: string, b: string): string {
  return a === "sandbox" || b === "sandbox" ? "sandbox" : a;
}
