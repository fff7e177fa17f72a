// A shields-style grade badge: "kensa | AA · 1.0.0". Text is escaped and widths estimated from character
// classes (no font metrics on the server); presentation attributes only, so it renders under a strict CSP.
import { gradeColor, isGrade, ungradedColor } from "./grades";

export interface BadgeInput {
  grade: string | null;
  methodologyVersion?: string | null;
  provisional?: boolean;
  /** Graded without a working credential of ours: a partial grade must never pass for a full one. */
  partial?: boolean;
  sandbox?: boolean;
  /** The grade under the staged methodology version: said in the tooltip, never on the badge's face. */
  future?: { grade: string; methodologyVersion: string } | null;
}

const label = "kensa";

export function badgeSvg(input: BadgeInput): string {
  const graded = input.grade !== null && isGrade(input.grade);
  const value = graded
    ? `${input.grade}${input.provisional ? "?" : ""}${input.partial ? " · partial" : ""}${input.methodologyVersion ? ` · v${input.methodologyVersion.replace(/^v/, "")}` : ""}${input.sandbox ? " · sandbox" : ""}`
    : "not graded";
  const color = graded ? gradeColor[input.grade as keyof typeof gradeColor] : ungradedColor;
  const future = graded && input.future && isGrade(input.future.grade) ? ` (under methodology v${input.future.methodologyVersion}, staged: ${input.future.grade})` : "";
  const title = graded ? `Kensa MCP readiness grade ${value}${future}` : "Kensa: not graded";
  return renderBadge(label, value, color, title);
}

export interface PackageBadgeInput {
  name: string;
  version: string;
  /** Tools listed when it answered initialize; null when it did not start. */
  tools: number | null;
}

/** "kensa package | backlog-mcp-server@0.20.4 · 63 tools": observed from the vendor's package, never a grade. */
export function packageBadgeSvg(input: PackageBadgeInput | null): string {
  if (!input) return renderBadge("kensa package", "not observed", ungradedColor, "Kensa: the vendor's package was not observed");
  const value = `${input.name}@${input.version} · ${input.tools === null ? "did not start" : `${input.tools} tools`}`;
  return renderBadge("kensa package", value, input.tools === null ? ungradedColor : "#0969da", `Kensa observed the vendor's package ${value} (no vendor account; not a grade)`);
}

function renderBadge(label: string, value: string, color: string, title: string): string {
  const lw = textWidth(label) + 12;
  const vw = textWidth(value) + 12;
  const w = lw + vw;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    `<rect width="${lw}" height="20" fill="#24292f"/>`,
    `<rect x="${lw}" width="${vw}" height="20" fill="${color}"/>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">`,
    `<text x="${lw / 2}" y="14">${esc(label)}</text>`,
    `<text x="${lw + vw / 2}" y="14">${esc(value)}</text>`,
    `</g></svg>`,
  ].join("");
}

function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[A-Z]/.test(ch) ? 8 : /[a-z0-9]/.test(ch) ? 6.5 : ch.charCodeAt(0) > 0x2e80 ? 11 : 4;
  return Math.ceil(w);
}

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
