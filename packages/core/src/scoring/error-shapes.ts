// How failures were answered: with a status, code or structured content (`structured`), or in prose
// only (`inferred`). Only failures the vendor's server answered count: timeouts, network errors, our own
// refusals, malformed answers and intermediary failures have no error shape of the vendor's to judge.
import type { Confidence } from "../probe/classification";
import type { ProbeStepRecord } from "../probe/probe-record";
import { isTrafficStep } from "../probe/probe-record";
import type { ErrorClass, Fault } from "../taxonomy/error-classes";

export interface ErrorShapeTally {
  structured: number;
  inferred: number;
}

/** config_missing: a stdio server that stopped before answering anything has no error answer to judge. */
const shapeless: ReadonlySet<ErrorClass> = new Set(["timeout", "network_error", "blocked_by_policy", "protocol_error", "config_missing"]);

export interface ShapeFacts {
  kind: ProbeStepRecord["kind"];
  errorClass?: ErrorClass | null;
  fault?: Fault | null;
  confidence?: Confidence | null;
}

/** Adds one failed traffic step; anything else (a success, a check, a shapeless failure) is ignored. */
export function addErrorShape(into: ErrorShapeTally, step: ShapeFacts): ErrorShapeTally {
  if (!isTrafficStep(step) || !step.errorClass || !step.confidence) return into;
  if (shapeless.has(step.errorClass) || step.fault === "intermediary") return into;
  if (step.confidence === "code") into.structured += 1;
  else into.inferred += 1;
  return into;
}

export function tallyErrorShapes(steps: readonly Pick<ProbeStepRecord, "kind" | "classification">[]): ErrorShapeTally {
  const tally = { structured: 0, inferred: 0 };
  for (const step of steps) {
    const c = step.classification;
    if (c) addErrorShape(tally, { kind: step.kind, errorClass: c.errorClass, fault: c.fault, confidence: c.confidence });
  }
  return tally;
}
