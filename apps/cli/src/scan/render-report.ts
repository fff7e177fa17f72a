// The human report of a scan: grade and score (before and after caps), each axis with where its evidence
// came from, readiness findings with their fixes, the steps table and the error classes. Plain text that
// reads the same in a terminal and in a CI log.
import { coverageReasonText, isJudgedAxis } from "@kensa/core";
import type { ScanDocument } from "./scan-document";

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const padLeft = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

export function renderReport(doc: ScanDocument): string {
  const lines: string[] = [];
  const server = doc.server;
  lines.push(`kensa scan  ${doc.target}`);
  lines.push(
    `server      ${server.name ?? "(no answer to the handshake)"}${server.version ? ` ${server.version}` : ""} · ${doc.transport}` +
      `${server.protocolVersion ? ` · protocol ${server.protocolVersion}${server.protocolEra ? ` (${server.protocolEra} era)` : ""}` : ""}` +
      `${server.tools ? ` · ${server.tools.count} tools (hash ${server.tools.hash.slice(0, 12)})` : ""}`,
  );
  if (server.eras.length > 0) {
    lines.push(`eras        ${server.eras.map((e) => `${e.era} (${e.versions.join(", ") || "version not stated"})`).join(" · ")}${server.protocolEra ? ` — calls made in the ${server.protocolEra} era` : ""}`);
  }
  const iso = doc.isolation;
  if (iso) {
    lines.push(`isolation   network ${iso.network} · own HOME and folder · env: ${iso.env.length ? iso.env.join(", ") : "PATH only"}${iso.ended ? ` · ended: ${iso.ended}` : ""}`);
  }
  lines.push("");
  lines.push(...gradeLines(doc));
  const failing = doc.findings.filter((f) => !f.ok);
  lines.push("", "Readiness checks");
  for (const step of doc.steps.filter((s) => s.kind === "check")) lines.push(`  ${step.ok ? "✓" : "✗"} ${pad(step.name.replace(/^check:/, ""), 22)} ${step.outcome}`);
  if (failing.length > 0) {
    lines.push("", "Findings");
    for (const f of failing) {
      lines.push(`  ✗ ${f.check}: ${f.message}`);
      if (f.fix) lines.push(`      fix: ${f.fix}`);
    }
  }
  lines.push("", "Steps");
  lines.push(`  ${padLeft("#", 3)}  ${pad("step", 30)} ${pad("ok", 3)} ${padLeft("ms", 9)}  ${pad("class", 18)} ${padLeft("http", 4)} ${padLeft("rpc", 6)}`);
  for (const s of doc.steps) {
    lines.push(
      `  ${padLeft(String(s.seq), 3)}  ${pad(s.name, 30)} ${pad(s.ok ? "✓" : "✗", 3)} ${padLeft(s.latencyMs.toFixed(1), 9)}  ${pad(s.errorClass ?? (s.ok ? "" : s.outcome), 18)} ${padLeft(s.httpStatus ? String(s.httpStatus) : "", 4)} ${padLeft(s.rpcCode !== null ? String(s.rpcCode) : "", 6)}`,
    );
  }
  const classes = Object.entries(doc.errorClasses);
  lines.push("", "Error classes");
  if (classes.length === 0) lines.push("  none");
  for (const [name, count] of classes.sort((a, b) => b[1] - a[1])) lines.push(`  ${pad(name, 18)} ${count}`);
  const failed = doc.steps.filter((s) => !s.ok && s.kind !== "check" && s.excerpt);
  if (failed.length > 0) {
    lines.push("", "Evidence of failed steps (redacted)");
    for (const s of failed.slice(0, 10)) lines.push(`  ${s.name}: ${s.excerpt!.replace(/\s+/g, " ").slice(0, 200)}`);
  }
  return lines.map((line) => line.trimEnd()).join("\n");
}

function gradeLines(doc: ScanDocument): string[] {
  const before = doc.scoreBeforeCaps !== null && doc.scoreBeforeCaps !== doc.score ? `, ${doc.scoreBeforeCaps} before caps` : "";
  const partial = doc.coverage === "partial" ? " (partial)" : "";
  const lines = [`Grade       ${doc.grade}${partial}   score ${doc.score}${before}${doc.provisional ? "  (provisional: not enough evidence yet)" : ""}   methodology ${doc.methodologyVersion}`];
  for (const reason of doc.coverageReasons) lines.push(`  partial: ${coverageReasonText[reason]}.`);
  for (const cap of doc.caps) lines.push(`  capped at ${cap.maxGrade}: ${cap.reason}`);
  lines.push("", "Axes");
  // An axis the methodology in force does not judge yet (weight 0, nothing scored) is shown under the future grade.
  for (const [name, axis] of Object.entries(doc.axes).filter(([, a]) => isJudgedAxis(a))) {
    const why = axis.notTestedReason ? ` (${axis.notTestedReason.replace("_", " ")})` : "";
    lines.push(`  ${pad(axis.label ?? name, 30)} ${padLeft(axis.score === null ? "—" : String(Math.round(axis.score)), 4)}  ${axis.evidence.replace("_", " ")}${why}`);
  }
  // Over stdio the HTTP authorization findings are left out on purpose: say so rather than leave them unexplained.
  if (doc.axes.auth.facts["httpAuthorization"] === "not applicable") lines.push(`  HTTP authorization: not applicable over stdio (the server takes its credentials from its environment; neither credited nor capped).`);
  const next = doc.nextGrade;
  if (next && doc.fixes.length > 0) {
    lines.push("", `To reach ${next.grade} (${next.minScore}+, ${next.pointsNeeded} points needed${next.reachable ? "" : "; not reachable by these fixes alone"})`);
    for (const fix of doc.fixes) lines.push(`  +${fix.points.toFixed(1).padStart(4)}  ${fix.description}`);
  }
  const axisGaps = Object.entries(doc.axes).flatMap(([, axis]) => axis.findings.filter((f) => f.scored && !f.ok && f.fix).map((f) => `  ${axis.label}: ${f.message}\n      fix: ${f.fix}`));
  if (axisGaps.length > 0) lines.push("", "Scored findings", ...axisGaps);
  lines.push(...futureLines(doc));
  return lines;
}

/** While a methodology version is staged: the grade under it, and its new findings this server does not meet. */
function futureLines(doc: ScanDocument): string[] {
  const f = doc.future;
  if (!f) return [];
  const when = f.effectiveFrom ? `, effective ${f.effectiveFrom}` : "";
  const change = f.grade === doc.grade ? "unchanged" : `${doc.grade} → ${f.grade}`;
  const lines = ["", `Methodology ${f.methodologyVersion} (staged${when}): grade ${f.grade}   score ${f.score}   (${change})`];
  const gaps = f.newFindings.filter((n) => n.scored && !n.ok);
  for (const n of gaps) lines.push(`  ✗ ${n.id}: ${n.message}`, ...(n.fix ? [`      fix: ${n.fix}`] : []));
  const unjudged = f.newFindings.filter((n) => !n.scored).length;
  if (unjudged > 0) lines.push(`  ${unjudged} new findings could not be judged on this evidence.`);
  return lines;
}
