// What a run adds to a grade beyond its step aggregate: how its failures were answered (error shapes, see
// error-shapes.ts) and its credential events. Ingest stores one tally per rollup row and rebuild recomputes
// it from raw steps; `kensa scan` tallies in-memory runs; both sum a window through windowTally, where only
// runs carrying the vendor's credential count toward the credential totals.
import type { ProbeRunRecord, RunPath } from "../probe/probe-record";
import { addErrorShape, type ErrorShapeTally, type ShapeFacts } from "./error-shapes";
import { carriesVendorCredential } from "./vendor-credential";

export interface RunTally {
  structuredErrors: number;
  inferredErrors: number;
  credentialRefreshes: number;
  credentialExpired: number;
}

export const emptyTally = (): RunTally => ({ structuredErrors: 0, inferredErrors: 0, credentialRefreshes: 0, credentialExpired: 0 });

/** Adds one step's error shape (a success, a check or a shapeless failure adds nothing). */
export function addStepShape(into: RunTally, step: ShapeFacts): RunTally {
  const shape = addErrorShape({ structured: 0, inferred: 0 }, step);
  into.structuredErrors += shape.structured;
  into.inferredErrors += shape.inferred;
  return into;
}

/** Adds one run's credential summary. */
export function addRunCredential(into: RunTally, credential: { refreshes?: number; expiredDuringRun?: number } | undefined): RunTally {
  into.credentialRefreshes += credential?.refreshes ?? 0;
  into.credentialExpired += credential?.expiredDuringRun ?? 0;
  return into;
}

export function tallyRun(run: Pick<ProbeRunRecord, "summary" | "steps">): RunTally {
  const tally = addRunCredential(emptyTally(), run.summary.credential);
  for (const step of run.steps) {
    const c = step.classification;
    if (c) addStepShape(tally, { kind: step.kind, errorClass: c.errorClass, fault: c.fault, confidence: c.confidence });
  }
  return tally;
}

export function addTally(into: RunTally, from: RunTally): RunTally {
  into.structuredErrors += from.structuredErrors;
  into.inferredErrors += from.inferredErrors;
  into.credentialRefreshes += from.credentialRefreshes;
  into.credentialExpired += from.credentialExpired;
  return into;
}

/** A window's evidence from its tallies (per run or per rollup row): error shapes on every path, credential events on the vendor's. */
export function windowTally(parts: Iterable<{ path: RunPath; tally: RunTally }>): { errorShapes: ErrorShapeTally; credential: { refreshes: number; expiredDuringRun: number } } {
  const errorShapes = { structured: 0, inferred: 0 };
  const credential = { refreshes: 0, expiredDuringRun: 0 };
  for (const { path, tally } of parts) {
    errorShapes.structured += tally.structuredErrors;
    errorShapes.inferred += tally.inferredErrors;
    if (carriesVendorCredential(path)) {
      credential.refreshes += tally.credentialRefreshes;
      credential.expiredDuringRun += tally.credentialExpired;
    }
  }
  return { errorShapes, credential };
}
