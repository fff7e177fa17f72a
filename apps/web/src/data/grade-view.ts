// Reads a stored grade snapshot's JSON (axes, caps, fixes) into the API's shapes. The scorer owns the
// stored shape; this reader accepts its GradeReport fields and a few spellings of them, and never throws:
// a field it cannot read is left out rather than breaking a vendor's page.
import { gradeAbove, gradeFloor, isGrade, type GradeName } from "../lib/grades";
import type { AxisView, CapView, FixView, NextGradeView } from "../api/schemas";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

export function readAxes(stored: unknown): AxisView[] {
  const entries: [string, unknown][] = Array.isArray(stored)
    ? stored.filter(isObject).map((a) => [str(a.name) ?? str(a.id) ?? "axis", a])
    : isObject(stored) ? Object.entries(stored) : [];
  return entries.filter(([, a]) => isObject(a)).map(([name, raw]) => {
    const a = raw as Json;
    return {
      name,
      score: num(a.score) ?? null,
      weight: num(a.weight) ?? null,
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
  return { id: str(f.id) ?? message, ok: f.ok === true || f.passed === true, message, ...(str(f.fix) ? { fix: str(f.fix)! } : {}) };
}

export function readCaps(stored: unknown): CapView[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(isObject).map((c, i) => {
    const maxGrade = [c.maxGrade, c.grade, c.cap, c.ceiling].find(isGrade) ?? null;
    return { id: str(c.id) ?? `cap-${i + 1}`, reason: str(c.reason) ?? str(c.message) ?? str(c.description) ?? str(c.id) ?? "cap", maxGrade };
  });
}

export function readFixes(stored: unknown): FixView[] {
  const list = Array.isArray(stored) ? stored : isObject(stored) && Array.isArray(stored.fixes) ? stored.fixes : [];
  return list.filter(isObject).map((f, i) => ({
    id: str(f.id) ?? `fix-${i + 1}`,
    title: str(f.title) ?? str(f.description) ?? str(f.fix) ?? str(f.message) ?? str(f.id) ?? "fix",
    axis: str(f.axis) ?? null,
    points: num(f.points) ?? 0,
  }));
}

/**
 * The next band and the fixes that reach it: the snapshot's own answer when it stores one
 * (fixes.nextGrade or a nextGrade field), otherwise the highest-value fixes whose points cover the gap.
 */
export function readNextGrade(grade: string, score: number, storedFixes: unknown, storedNext?: unknown): NextGradeView | null {
  if (!isGrade(grade)) return null;
  const target = gradeAbove(grade);
  if (!target) return null;
  const fixes = readFixes(storedFixes);
  const stored = isObject(storedNext) ? storedNext : isObject(storedFixes) && isObject(storedFixes.nextGrade) ? storedFixes.nextGrade : undefined;
  if (stored && isGrade(stored.grade)) {
    const chosen = Array.isArray(stored.fixes) ? readFixes(stored.fixes) : fixes;
    return { grade: stored.grade, pointsNeeded: num(stored.pointsNeeded) ?? num(stored.points) ?? gap(target, score), fixes: chosen };
  }
  const needed = gap(target, score);
  const chosen: FixView[] = [];
  let sum = 0;
  for (const fix of [...fixes].sort((a, b) => b.points - a.points)) {
    if (sum >= needed) break;
    chosen.push(fix);
    sum += fix.points;
  }
  return { grade: target, pointsNeeded: needed, fixes: sum >= needed ? chosen : [] };
}

function gap(target: GradeName, score: number): number {
  return Math.max(0, Math.round((gradeFloor[target] - score) * 10) / 10);
}
