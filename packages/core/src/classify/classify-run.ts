// classifyRun: a copy of a run with every failed step classified. Existing classifications are kept
// unless `overwrite` is set (re-classifying stored runs after a classifier change).
import type { ProbeRunRecord } from "../probe/probe-record";
import { classifyStep } from "./classify-step";

export interface ClassifyRunOptions {
  overwrite?: boolean;
}

export function classifyRun<T extends Pick<ProbeRunRecord, "path" | "steps">>(run: T, options: ClassifyRunOptions = {}): T {
  const context = { path: run.path };
  const steps = run.steps.map((step) => {
    if (step.classification !== undefined && !options.overwrite) return step;
    const classification = classifyStep(step, context);
    if (classification === undefined) {
      if (step.classification === undefined) return step;
      const { classification: _dropped, ...rest } = step;
      return rest;
    }
    return { ...step, classification };
  });
  return { ...run, steps };
}
