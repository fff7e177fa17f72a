// A scored item: one thing an axis judges, with the points it earned of its maximum and where the evidence
// came from. `scored: false` means it could not be judged and is left out of the axis (never counted as 0);
// an unknown declared fact is scored (0: not demonstrated).
import type { ReadinessCheck } from "../probe/check-result";
import { isPartial } from "./coverage";
import type { CheckEvidence, GradeEvidence } from "./evidence";
import { roundScore } from "./grade";
import type { AxisName } from "./methodology";
import { clamp01 } from "./wilson";

export type EvidenceStatus = "observed" | "declared" | "not_tested";

export interface Item {
  id: string;
  axis: AxisName;
  evidence: EvidenceStatus;
  scored: boolean;
  points: number;
  maxPoints: number;
  message: string;
  /** What the vendor would change to earn the missing points. */
  fix: string;
}

export type JsonFact = string | number | boolean | null | JsonFact[] | { [key: string]: JsonFact };

export interface AxisAssessment {
  items: Item[];
  facts: Record<string, JsonFact>;
}

export function scored(axis: AxisName, id: string, maxPoints: number, share: number, evidence: EvidenceStatus, message: string, fix: string): Item {
  return { id: `${axis}.${id}`, axis, evidence, scored: true, points: roundScore(maxPoints * clamp01(share)), maxPoints, message, fix };
}

export function unscored(axis: AxisName, id: string, maxPoints: number, message: string, fix: string): Item {
  return { id: `${axis}.${id}`, axis, evidence: "not_tested", scored: false, points: 0, maxPoints, message, fix };
}

/** A readiness check as an item: pass earns all, fail or inconclusive none, not run is left out. */
export function checkItem(
  e: GradeEvidence, check: ReadinessCheck, axis: AxisName, id: string, maxPoints: number,
  words: { pass: string; fail: string; fix: string }, notApplicable: "unscored" | "zero" = "unscored",
): Item {
  const result: CheckEvidence | undefined = e.checks[check];
  if (result === undefined) return unscored(axis, id, maxPoints, `The ${check} check was not run in this window.`, words.fix);
  switch (result.verdict) {
    case "pass":
      return scored(axis, id, maxPoints, 1, "observed", words.pass, words.fix);
    case "fail":
      return scored(axis, id, maxPoints, 0, "observed", words.fail, words.fix);
    case "inconclusive":
      // Without a working credential a check that needs a session cannot reach a verdict: not the vendor's doing.
      if (isPartial(e)) return unscored(axis, id, maxPoints, `The ${check} check could not reach a verdict without a working credential, so it is not judged.`, words.fix);
      return scored(axis, id, maxPoints, 0, "observed", `The ${check} check could not reach a verdict (the server did not answer it usably).`, words.fix);
    case "not_applicable":
      if (notApplicable === "zero") return scored(axis, id, maxPoints, 0, "observed", words.fail, words.fix);
      return unscored(axis, id, maxPoints, `The ${check} check does not apply to this server.`, words.fix);
  }
}

/** A declared fact as an item: true earns all; false or unknown earns none (unknown is not demonstrated). */
export function declaredItem(
  e: GradeEvidence, names: readonly (keyof GradeEvidence["declared"])[], axis: AxisName, id: string, maxPoints: number,
  what: string, fix: string,
): Item {
  const facts = names.map((name) => ({ name, ...e.declared[name] }));
  const yes = facts.find((f) => f.value === true);
  if (yes) return scored(axis, id, maxPoints, 1, "declared", `${what}: declared (${yes.name}, source: ${yes.source ?? "unknown"}).`, fix);
  const no = facts.find((f) => f.value === false);
  if (no) return scored(axis, id, maxPoints, 0, "declared", `${what}: declared absent (source: ${no.source ?? "unknown"}).`, fix);
  return scored(axis, id, maxPoints, 0, "not_tested", `${what}: not declared anywhere we know of, so not demonstrated.`, fix);
}

/** Share left of a rate-based item: 1 at rate 0, 0 at `rateToZero` and above. */
export function rateShare(count: number, base: number, rateToZero: number): number {
  return base === 0 ? 1 : clamp01(1 - count / base / rateToZero);
}

export function percent(value: number): string {
  return `${roundScore(value * 100)}%`;
}
