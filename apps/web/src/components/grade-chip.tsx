import type { Messages } from "../i18n/messages-en";
import { gradeColor, isGrade, ungradedColor } from "../lib/grades";

export function GradeChip({ grade, provisional, label, size = "normal" }: { grade: string | null; provisional?: boolean; label: string; size?: "normal" | "large" }) {
  const color = grade && isGrade(grade) ? gradeColor[grade] : ungradedColor;
  return (
    <span className={`grade-chip grade-chip-${size}`} style={{ background: color }} data-grade={grade ?? "ungraded"} title={provisional ? `${grade ?? label} (provisional)` : undefined}>
      {grade ?? label}
      {provisional ? <span aria-label="provisional">?</span> : null}
    </span>
  );
}

/** Beside a grade graded without a working credential of ours (core coverage.ts): it must never pass for a full grade. */
export function PartialMarker({ t }: { t: Messages }) {
  return <span className="marker marker-partial" title={t.leaderboard.partialTitle} data-testid="partial-marker">{t.leaderboard.partial}</span>;
}
