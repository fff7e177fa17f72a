// The grade, the score before and after caps, each cap's reason, and what it takes to reach the next grade.
import type { ServiceDetailView } from "../data/service-detail";
import type { Messages } from "../i18n/messages-en";
import { capReason, fixText, itemName } from "../i18n/grade-text";
import { label, type Lang } from "../i18n/lang";
import { dateTime, score } from "../lib/format";
import { FutureGrade } from "./future-grade";
import { GradeChip, PartialMarker } from "./grade-chip";
import { SaidText } from "./said-text";

export function ServiceGrade({ s, t, lang }: { s: ServiceDetailView; t: Messages; lang: Lang }) {
  const v = t.service;
  if (!s.grade) return <section className="panel"><h2>{v.gradeTitle}</h2><p>{v.notGraded}</p></section>;
  return (
    <section aria-labelledby="grade-heading" className="grid-2">
      <div className="panel">
        <h2 id="grade-heading">{v.gradeTitle}</h2>
        <div className="grade-panel">
          <GradeChip grade={s.grade.grade} provisional={s.grade.provisional} label="" size="large" />
          {s.grade.coverage === "partial" ? <PartialMarker t={t} /> : null}
          <dl className="score-line">
            <div><dt className="stat-label">{v.score}</dt><dd data-testid="score">{score(s.grade.score)}</dd></div>
            <div><dt className="stat-label">{v.scoreBeforeCaps}</dt><dd data-testid="score-before-caps">{score(s.grade.scoreBeforeCaps)}</dd></div>
          </dl>
        </div>
        {s.grade.coverage === "partial" ? (
          <div className="notice" data-testid="partial-grade">
            <p><strong>{t.leaderboard.partial}</strong> — {v.partial}</p>
            {s.coverageReasons.length > 0 ? <ul className="small">{s.coverageReasons.map((r) => <li key={r}>{v.coverageReasons[r]}</li>)}</ul> : null}
          </div>
        ) : s.grade.provisional ? <p className="notice">{v.provisional}</p> : null}
        <p className="muted small">{v.methodology(s.grade.methodologyVersion)} · {v.computedAt} {dateTime(s.grade.computedAt, lang)}</p>
        {s.future ? <FutureGrade future={s.future} current={s.grade.grade} t={t} lang={lang} /> : null}
        <h3>{v.caps}</h3>
        {s.caps.length === 0 ? <p className="muted">{v.noCaps}</p> : (
          <ul className="cap-list" data-testid="caps">
            {s.caps.map((c) => (
              <li key={c.id}>
                <strong><SaidText said={capReason(lang, c)} page={lang} /></strong>{c.maxGrade ? <> — {v.capTo(c.maxGrade)}</> : null} <code className="small">{c.id}</code>
                {c.liftedBy.length > 0 ? <span className="subtle">{v.liftedBy}: {c.liftedBy.join(", ")}</span> : c.kind === "floor" ? <span className="subtle">{v.floorNote}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="panel" data-testid="next-grade">
        {s.nextGrade ? (
          <>
            <h2>{v.nextGrade(s.nextGrade.grade)}</h2>
            <p>{v.pointsNeeded(score(s.nextGrade.pointsNeeded))}{s.nextGrade.reachable && s.nextGrade.scoreAfterFixes !== null ? <> · {v.scoreAfterFixes(score(s.nextGrade.scoreAfterFixes))}</> : null}</p>
            {!s.nextGrade.reachable && s.nextGrade.blockedBy.length > 0 ? <p className="notice">{v.blockedBy}: {s.nextGrade.blockedBy.join(", ")}</p> : null}
            {s.nextGrade.fixes.length === 0 ? <p className="muted">{v.noPath}</p> : (
              <ol className="fix-list">
                {s.nextGrade.fixes.map((f) => (
                  <li key={f.id}><SaidText said={fixText(lang, f)} page={lang} /> <span className="points">{v.points(score(f.points))}</span>{f.axis ? <span className="muted small"> · {label(t.axesNames, f.axis)}</span> : null}</li>
                ))}
              </ol>
            )}
            {s.fixes.length > s.nextGrade.fixes.length ? (
              <details>
                <summary>{v.allFixes} ({s.fixes.length})</summary>
                <ul className="fix-list">{s.fixes.map((f) => <li key={f.id}><SaidText said={fixText(lang, f)} page={lang} /> <span className="points">{v.points(score(f.points))}</span></li>)}</ul>
              </details>
            ) : null}
          </>
        ) : <p>{v.topGrade}</p>}
      </div>
    </section>
  );
}

export function ServiceAxes({ s, t, lang }: { s: ServiceDetailView; t: Messages; lang: Lang }) {
  const v = t.service;
  if (s.axes.length === 0) return null;
  return (
    <section aria-labelledby="axes-heading">
      <h2 id="axes-heading">{v.axes}</h2>
      <div className="table-scroll">
        <table data-testid="axes">
          <thead><tr><th scope="col">{v.axis}</th><th scope="col">{v.score}</th><th scope="col">{v.weight}</th><th scope="col">{v.evidence}</th><th scope="col">{v.findings}</th></tr></thead>
          <tbody>
            {s.axes.map((a) => (
              <tr key={a.name}>
                <th scope="row">{t.axesNames[a.name] ?? a.label ?? a.name}</th>
                <td className="num">{score(a.score)}</td>
                <td className="num">{a.weight === null ? "—" : `${a.weight}%`}{a.effectiveWeight !== null && a.effectiveWeight !== a.weight ? <span className="subtle">→ {a.effectiveWeight}%</span> : null}</td>
                <td><span className={`evidence evidence-${a.evidence}`}>{v.evidenceStatus[a.evidence]}</span>{a.notTestedReason ? <span className="subtle" data-testid={`not-tested-${a.name}`}>{v.notTestedReason[a.notTestedReason]}</span> : null}</td>
                <td>
                  {a.findings.length === 0 ? <span className="muted">—</span> : (
                    <ul className="small">
                      {a.findings.map((f) => {
                        const name = itemName(lang, f.id);
                        return (
                          <li key={f.id}>
                            <span className={f.ok ? "verdict-pass" : f.scored === false ? "verdict-other" : "verdict-fail"}>{f.ok ? "✓" : f.scored === false ? "–" : "✗"}</span>{" "}
                            {name ?? f.message}
                            {f.maxPoints !== undefined ? <span className="muted"> ({score(f.points ?? 0)}/{f.maxPoints})</span> : null}
                            {name ? <span className="subtle" lang="en" title={v.detailInEnglish}>{f.message}</span> : null}
                            {!f.ok && f.fix ? <span className="subtle">→ <SaidText said={fixText(lang, { id: f.id, title: f.fix })} page={lang} /></span> : null}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
