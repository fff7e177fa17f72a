// While a methodology version is staged: what this grade will be under it, and the staged version's new
// findings this service does not meet yet — so a vendor sees the change coming before it lands.
import type { FutureGradeView } from "../api/schemas";
import type { Messages } from "../i18n/messages-en";
import { fixText, itemName } from "../i18n/grade-text";
import type { Lang } from "../i18n/lang";
import { score } from "../lib/format";
import { GradeChip } from "./grade-chip";
import { SaidText } from "./said-text";

export function FutureGrade({ future, current, t, lang }: { future: FutureGradeView; current: string; t: Messages; lang: Lang }) {
  const v = t.service.future;
  const gaps = future.newFindings.filter((f) => f.scored !== false && !f.ok);
  return (
    <div className="notice" data-testid="future-grade">
      <h3>{v.title(future.methodologyVersion)}{future.effectiveFrom ? <span className="muted small"> · {v.effective(future.effectiveFrom)}</span> : null}</h3>
      <p>
        <GradeChip grade={future.grade} provisional={future.provisional} label="" />{" "}
        <span data-testid="future-score">{t.service.score} {score(future.score)}</span> — {future.grade === current ? v.same : v.change(current, future.grade)}
      </p>
      {gaps.length > 0 ? (
        <details>
          <summary>{v.newFindings} ({gaps.length})</summary>
          <ul className="small">
            {gaps.map((f) => (
              <li key={f.id}>
                {itemName(lang, f.id) ?? f.id} <span className="muted">({score(f.points ?? 0)}/{f.maxPoints})</span>
                <span className="subtle" lang="en">{f.message}</span>
                {f.fix ? <span className="subtle">→ <SaidText said={fixText(lang, { id: f.id, title: f.fix })} page={lang} /></span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className="muted small">{v.note}</p>
    </div>
  );
}
