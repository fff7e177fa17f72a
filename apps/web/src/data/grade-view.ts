// Reads a stored grade snapshot's JSON into the API's shapes. The scorer owns the stored shape (GradeReport:
// axes keyed by name, caps, fixes as { fixes, nextGrade }); this reader follows it, accepts the few other
// spellings earlier snapshots used, and never throws: a field it cannot read is left out, not a broken page.
import { gradeAbove, gradeFloor, isGrade, type GradeName } from "../lib/grades";
import type { AxisView, CapView, FixView, NextGradeView } from "../api/schemas";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
/** Weights are percents (methodology); a fraction (≤ 1) from an older snapshot is scaled up. */
const percent = (v: unknown): number | null => { const n = num(v); return n === undefined ? null : n <= 1 ? Math.round(n * 1000) / 10 : n; };

export function readAxes(stored: unknown): AxisView[] {
  const entries: [string, unknown][] = Array.isArray(stored)
    ? stored.filter(isObject).map((a) => [str(a.name) ?? str(a.id) ?? "axis", a])
    : isObject(stored) ? Object.entries(stored) : [];
  return entries.filter(([, a]) => isObject(a)).map(([name, raw]) => {
    const a = raw as Json;
    return {
      name,
      label: str(a.label) ?? null,
      score: num(a.score) ?? null,
      weight: percent(a.weight),
      effectiveWeight: percent(a.effectiveWeight),
      evidence: evidenceOf(a.evidence),
      facts: isObject(a.facts) ? a.facts : {},
      findings: readFindings(a.findings),
    };
  });
}

function evidenceOf(value: unknown): AxisView["evidence"] {
  const v = str(value)?.toLowerCase().replace(/[\s-]/g, "_");
  if (v === "observed" || v === "declared") return v;
  return "not_tested";
}

export function readFindings(list: unknown): AxisView["findings"] {
  return Array.isArray(list) ? list.map(readFinding).filter((f) => f !== null) : [];
}

function readFinding(f: unknown): AxisView["findings"][number] | null {
  if (typeof f === "string") return { id: f, ok: false, message: f };
  if (!isObject(f)) return null;
  const message = str(f.message) ?? str(f.detail) ?? str(f.id);
  if (!message) return null;
  return {
    id: str(f.id) ?? message,
    ok: f.ok === true || f.passed === true,
    message,
    ...(str(f.fix) ? { fix: str(f.fix)! } : {}),
    ...(num(f.points) !== undefined ? { points: num(f.points)! } : {}),
    ...(num(f.maxPoints) !== undefined ? { maxPoints: num(f.maxPoints)! } : {}),
    ...(typeof f.scored === "boolean" ? { scored: f.scored } : {}),
    ...(f.evidence !== undefined ? { evidence: evidenceOf(f.evidence) } : {}),
  };
}

export function readCaps(stored: unknown): CapView[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(isObject).map((c, i) => ({
    id: str(c.id) ?? `cap-${i + 1}`,
    kind: c.kind === "cap" || c.kind === "floor" ? c.kind : null,
    reason: str(c.reason) ?? str(c.message) ?? str(c.description) ?? str(c.id) ?? "cap",
    maxGrade: [c.maxGrade, c.grade, c.cap, c.ceiling].find(isGrade) ?? null,
    limit: num(c.limit) ?? num(c.maxScore) ?? null,
    liftedBy: strings(c.liftedBy),
    values: isObject(c.values) ? Object.fromEntries(Object.entries(c.values).filter((e): e is [string, number] => num(e[1]) !== undefined)) : {},
  }));
}

export function readFixes(stored: unknown): FixView[] {
  const list = Array.isArray(stored) ? stored : isObject(stored) && Array.isArray(stored.fixes) ? stored.fixes : [];
  return list.filter(isObject).map((f, i) => ({
    id: str(f.id) ?? `fix-${i + 1}`,
    title: str(f.description) ?? str(f.title) ?? str(f.fix) ?? str(f.message) ?? str(f.id) ?? "fix",
    axis: str(f.axis) ?? null,
    points: num(f.points) ?? 0,
    liftsCaps: strings(f.liftsCaps),
  }));
}

/**
 * The next band and the fixes that reach it. The scorer stores its own answer (fixes.nextGrade, with
 * fixes.fixes being the smallest set that reaches it); for snapshots without one, the highest-value
 * fixes whose points cover the gap.
 */
export function readNextGrade(grade: string, score: number, storedFixes: unknown): NextGradeView | null {
  if (!isGrade(grade)) return null;
  const target = gradeAbove(grade);
  if (!target) return null;
  const fixes = readFixes(storedFixes);
  if (isObject(storedFixes) && "nextGrade" in storedFixes) {
    const stored = storedFixes.nextGrade;
    if (isObject(stored) && isGrade(stored.grade)) {
      const reachable = stored.reachable !== false;
      return {
        grade: stored.grade,
        pointsNeeded: num(stored.pointsNeeded) ?? gap(target, score),
        reachable,
        blockedBy: strings(stored.blockedBy),
        scoreAfterFixes: num(stored.scoreAfterFixes) ?? null,
        fixes: reachable ? fixes : [],
      };
    }
  }
  const needed = gap(target, score);
  const chosen: FixView[] = [];
  let sum = 0;
  for (const fix of [...fixes].sort((a, b) => b.points - a.points)) {
    if (sum >= needed) break;
    chosen.push(fix);
    sum += fix.points;
  }
  const reachable = sum >= needed;
  return { grade: target, pointsNeeded: needed, reachable, blockedBy: [], scoreAfterFixes: reachable ? Math.round((score + sum) * 10) / 10 : null, fixes: reachable ? chosen : [] };
}

function gap(target: GradeName, score: number): number {
  return Math.max(0, Math.round((gradeFloor[target] - score) * 10) / 10);
}
