// A grade's explanations in the reader's language. The scorer and the probe write English, stored with
// the snapshot; Japanese comes from tables keyed on their closed ids. Where Japanese has no text (an id
// an older snapshot used), the stored English shows, marked as English.
import { isItemId, type ReadinessCheck } from "@kensa/core";
import type { CapView, GradeChangeCauseView } from "../api/schemas";
import { capReasonsJa, checkFindingsJa, checkNamesJa, itemTextsJa } from "./grade-texts-ja";
import { label, type Lang } from "./lang";
import type { Messages } from "./messages-en";

/** Text plus the language it is in, so markup can say `lang="en"` inside a Japanese page. */
export interface Said {
  text: string;
  lang: Lang;
}

const english = (text: string): Said => ({ text, lang: "en" });
const has = <T extends object>(table: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(table, key);

export function fixText(lang: Lang, fix: { id: string; title: string }): Said {
  if (lang === "ja" && isItemId(fix.id)) return { text: itemTextsJa[fix.id].fix, lang };
  return english(fix.title);
}

/** The heading of a scored item; null in English, where the finding's own sentence says it. */
export function itemName(lang: Lang, id: string): string | null {
  return lang === "ja" && isItemId(id) ? itemTextsJa[id].name : null;
}

/** Any cap id: one an older snapshot used and Japanese has no text for keeps its stored English. */
export function capReason(lang: Lang, cap: Pick<CapView, "reason" | "values"> & { id: string }): Said {
  if (lang === "ja" && has(capReasonsJa, cap.id)) {
    const text = capReasonsJa[cap.id](cap.values);
    if (text !== null) return { text, lang };
  }
  return english(cap.reason);
}

export function checkName(lang: Lang, check: string): string | null {
  return lang === "ja" && has(checkNamesJa, check) ? checkNamesJa[check] : null;
}

export function checkFindingName(lang: Lang, id: string): string | null {
  return lang === "ja" && has(checkFindingsJa, id) ? checkFindingsJa[id].name : null;
}

/** The fix for a readiness finding; only where the probe gave one (a finding that passed has none). */
export function checkFindingFix(lang: Lang, check: string, finding: { id: string; fix?: string }): Said | null {
  if (!finding.fix) return null;
  if (lang === "ja" && has(checkFindingsJa, finding.id)) {
    const fix = checkFindingsJa[finding.id].fix;
    const text = typeof fix === "string" ? fix : fix?.[check as ReadinessCheck];
    if (text) return { text, lang };
  }
  return english(finding.fix);
}

/** What moved a grade, as the API states it. */
export function causeInEnglish(cause: GradeChangeCauseView): string {
  switch (cause.kind) {
    case "first_grade": return "first grade";
    case "methodology": return `methodology ${cause.from} → ${cause.to}`;
    case "axis": return `${cause.axis} ${cause.delta > 0 ? "+" : ""}${cause.delta.toFixed(1)}`;
    case "cap_added": return `cap added: ${cause.cap.reason}`;
    case "cap_lifted": return `cap lifted: ${cause.capId}`;
  }
}

export function causeText(lang: Lang, t: Messages, cause: GradeChangeCauseView): Said {
  if (lang === "en") return english(causeInEnglish(cause));
  const v = t.service.causes;
  switch (cause.kind) {
    case "first_grade": return { text: v.firstGrade, lang };
    case "methodology": return { text: v.methodology(cause.from, cause.to), lang };
    case "axis": return { text: `${label(t.axesNames, cause.axis)} ${cause.delta > 0 ? "+" : ""}${cause.delta.toFixed(1)}`, lang };
    case "cap_added": {
      const reason = capReason(lang, cause.cap);
      return { text: `${v.capAdded}: ${reason.text}`, lang: reason.lang };
    }
    case "cap_lifted": return { text: `${v.capLifted}: ${cause.capId}`, lang };
  }
}
