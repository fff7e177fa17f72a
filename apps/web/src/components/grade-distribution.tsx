// The grade distribution as one stacked bar with a legend that doubles as the accessible list of counts.
import type { Messages } from "../i18n/messages-en";
import { gradeColor, gradeOrder, ungradedColor } from "../lib/grades";

export function GradeDistribution({ counts, t, linkFor }: { counts: Record<string, number>; t: Messages; linkFor?: (grade: string) => string }) {
  const entries = [...gradeOrder.map((g) => [g, counts[g] ?? 0, gradeColor[g]] as const), ["ungraded", counts.ungraded ?? 0, ungradedColor] as const];
  const total = entries.reduce((n, [, c]) => n + c, 0);
  return (
    <section aria-labelledby="distribution-heading" className="distribution">
      <h2 id="distribution-heading">{t.leaderboard.distribution} <span className="muted small">{t.leaderboard.distributionOf(total)}</span></h2>
      <div className="distribution-bar" aria-hidden="true">
        {entries.filter(([, c]) => c > 0).map(([g, c, color]) => (
          <span key={g} style={{ width: `${(c / Math.max(total, 1)) * 100}%`, background: color }} title={`${g}: ${c}`} />
        ))}
      </div>
      <ul className="distribution-legend" data-testid="grade-distribution">
        {entries.map(([g, c, color]) => (
          <li key={g} data-grade={g} data-count={c}>
            <span className="swatch" style={{ background: color }} aria-hidden="true" />
            {linkFor && c > 0 ? <a href={linkFor(g)}>{g === "ungraded" ? t.leaderboard.ungraded : g}</a> : g === "ungraded" ? t.leaderboard.ungraded : g}{" "}
            <strong>{c}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
