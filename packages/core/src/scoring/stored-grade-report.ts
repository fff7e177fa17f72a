// A grade report as stored by any methodology version, read as today's GradeReport: the one place stored
// grade JSON is parsed. Each snapshot keeps the version that computed it; each upgrade fills what reports
// written before its version lacked, oldest first, and the result must then be a valid GradeReport.
import { KensaError } from "../errors/kensa-error";
import { coverageOfCaps } from "./coverage";
import { GradeReport } from "./grade-report";
import { axisLabels } from "./methodology";
import { versionBefore } from "./version-order";

export { versionBefore };

type Json = Record<string, unknown>;

interface Upgrade {
  /** Reports written by versions before this one get the upgrade. */
  before: string;
  apply(report: Json): Json;
}

const upgrades: readonly Upgrade[] = [
  // Caps carry the numbers their reason quotes (`values`) since the dashboard explained grades in Japanese,
  // released within 1.1.0: reports of 1.0.0 and of 1.1.0 before then have none.
  { before: "1.1.1", apply: (r) => (Array.isArray(r.caps) ? { ...r, caps: r.caps.map((c) => (isObject(c) && c.values === undefined ? { ...c, values: {} } : c)) } : r) },
  // Partial grades arrived in 1.1.3: every grade before was computed as if fully covered (no axis left untested for a reason).
  {
    before: "1.1.3",
    apply: (r) => (isObject(r.axes) ? { ...r, axes: Object.fromEntries(Object.entries(r.axes).map(([k, a]) => [k, isObject(a) && a.notTestedReason === undefined ? { ...a, notTestedReason: null } : a])) } : r),
  },
  // The tools axis exists since the build that staged 1.2.0; versions before 1.2.0 give it no weight and no findings.
  { before: "1.2.0", apply: (r) => (isObject(r.axes) && r.axes.tools === undefined ? { ...r, axes: { ...r.axes, tools: unjudgedToolsAxis } } : r) },
];

const unjudgedToolsAxis = { label: axisLabels.tools, score: null, weight: 0, effectiveWeight: 0, evidence: "not_tested", notTestedReason: null, facts: {}, findings: [] };

export function parseStoredGradeReport(json: unknown, methodologyVersion: string): GradeReport {
  let report = json;
  for (const upgrade of upgrades) {
    if (isObject(report) && versionBefore(methodologyVersion, upgrade.before)) report = upgrade.apply(report);
  }
  if (isObject(report) && report.coverage === undefined) report = withCoverage(report);
  const parsed = GradeReport.safeParse(report);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${["report", ...i.path].join(".")}: ${i.message}`);
  throw new KensaError("internal", `a stored grade report (methodology ${methodologyVersion}) does not read as a GradeReport — ${issues.join("; ")}`, { issues });
}

/** Snapshot columns keep caps and axes, not coverage: it is read back from them (coverage.ts's invariant). */
function withCoverage(r: Json): Json {
  const caps = Array.isArray(r.caps) ? r.caps : [];
  const axes = isObject(r.axes) ? Object.values(r.axes) : [];
  const reasons = [...new Set(axes.map((a) => (isObject(a) ? a.notTestedReason : undefined)).filter((x): x is string => typeof x === "string"))].sort();
  return { ...r, coverage: coverageOfCaps(caps.map((c) => (isObject(c) ? String(c.id) : ""))), coverageReasons: reasons };
}

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
