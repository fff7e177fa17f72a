// The evidence behind a grade: readiness-check findings, recent failures as stored, declared facts with
// their sources, and every grade change with what moved it.
import type { ServiceDetailView } from "../data/service-detail";
import { causeText, checkFindingFix, checkFindingName, checkName } from "../i18n/grade-text";
import { label, type Lang } from "../i18n/lang";
import type { Messages } from "../i18n/messages-en";
import { dateTime, ms, score } from "../lib/format";
import { GradeChip } from "./grade-chip";
import { SaidText } from "./said-text";

const verdictClass = (v: string) => (v === "pass" ? "verdict-pass" : v === "fail" ? "verdict-fail" : "verdict-other");

export function ServiceChecks({ s, t, lang }: { s: ServiceDetailView; t: Messages; lang: Lang }) {
  const v = t.service;
  return (
    <section aria-labelledby="checks-heading">
      <h2 id="checks-heading">{v.checks}</h2>
      {s.checks.length === 0 ? <p className="muted">{v.noChecks}</p> : (
        <ul className="grid-3" data-testid="checks" style={{ listStyle: "none", padding: 0 }}>
          {s.checks.map((c) => (
            <li key={c.check} className="panel">
              <h3 style={{ marginTop: 0 }}>{checkName(lang, c.check) ? <>{checkName(lang, c.check)} <code className="small">{c.check}</code></> : <code>{c.check}</code>} <span className={verdictClass(c.verdict)}>{label(v.verdicts, c.verdict)}</span></h3>
              <ul className="small">
                {c.findings.map((f) => {
                  const name = checkFindingName(lang, f.id);
                  const fix = checkFindingFix(lang, c.check, f);
                  return (
                    <li key={f.id}>
                      <span className={f.ok ? "verdict-pass" : "verdict-fail"}>{f.ok ? "✓" : "✗"}</span>{" "}
                      {name ? <>{name}<span className="subtle" lang="en" title={v.detailInEnglish}>{f.message}</span></> : f.message}
                      {fix ? <span className="subtle">→ <SaidText said={fix} page={lang} /></span> : null}
                    </li>
                  );
                })}
              </ul>
              <p className="muted small">{dateTime(c.at, lang)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ServiceFailures({ s, t, lang }: { s: ServiceDetailView; t: Messages; lang: Lang }) {
  const v = t.service;
  return (
    <section aria-labelledby="failures-heading">
      <h2 id="failures-heading">{v.failures}</h2>
      {s.recentFailures.length === 0 ? <p className="muted">{v.noFailures}</p> : (
        <div className="table-scroll">
          <table data-testid="failures">
            <thead><tr><th scope="col">{v.when}</th><th scope="col">{v.step}</th><th scope="col">{v.errorClass}</th><th scope="col">{v.fault}</th><th scope="col">{v.status}</th><th scope="col">{v.path}</th><th scope="col">{v.evidence}</th></tr></thead>
            <tbody>
              {s.recentFailures.map((f) => (
                <tr key={`${f.runId}-${f.step}-${f.at}`}>
                  <td className="nowrap small">{dateTime(f.at, lang)}</td>
                  <td><code>{f.step}</code></td>
                  <td><code>{f.errorClass ?? "—"}</code>{f.confidence ? <span className="subtle">{v.confidence}: {f.confidence}</span> : null}</td>
                  <td>{f.fault ? label(v.faults, f.fault) : "—"}</td>
                  <td className="nowrap">{[f.httpStatus, f.rpcCode].filter((x) => x !== null).join(" / ") || "—"}</td>
                  <td>{f.path}</td>
                  <td className="evidence-cell">{f.decidedBy ? <span className="subtle">{v.decidedBy}: {f.decidedBy}</span> : null}{f.evidence}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ServiceDeclared({ s, t }: { s: ServiceDetailView; t: Messages }) {
  const v = t.service;
  return (
    <section aria-labelledby="declared-heading">
      <h2 id="declared-heading">{v.declared}</h2>
      <div className="table-scroll">
        <table data-testid="declared">
          <thead><tr><th scope="col">{v.fact}</th><th scope="col">{v.value}</th><th scope="col">{v.sourceOfFact}</th></tr></thead>
          <tbody>
            {s.declared.map((f) => (
              <tr key={f.name}>
                <th scope="row">{label(t.facts, f.name)}</th>
                <td>{f.value === "unknown" ? <span className="muted">{v.unknown}</span> : f.value ? t.leaderboard.yes : t.leaderboard.no}</td>
                <td className="small">{f.source && /^https?:\/\//.test(f.source) ? <a href={f.source} rel="nofollow noopener">{f.source}</a> : (f.source ?? "—")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ServiceGradeHistory({ s, t, lang }: { s: ServiceDetailView; t: Messages; lang: Lang }) {
  const v = t.service;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{v.history}</h2>
      {s.gradeHistory.length === 0 ? <p className="muted">{v.noHistory}</p> : (
        <ol className="grade-history" data-testid="grade-history">
          {s.gradeHistory.map((c) => (
            <li key={c.at}>
              <span className="nowrap small">{dateTime(c.at, lang)}</span>{" "}
              {c.previous ? <><GradeChip grade={c.previous.grade} label="" /> → </> : null}
              <GradeChip grade={c.grade} label="" /> {score(c.score)} <span className="muted small">({v.methodology(c.methodologyVersion)})</span>
              <span className="subtle">{v.reasons}: {c.causes.map((cause, i) => <span key={i}>{i > 0 ? "; " : null}<SaidText said={causeText(lang, t, cause)} page={lang} /></span>)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function latencyCell(value: string | number | null): string {
  return typeof value === "number" ? ms(value) : "—";
}
