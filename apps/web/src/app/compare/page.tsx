// Compare 2–5 services: grades, axes, declared facts side by side, trends overlaid, the shortlist as CSV.
import { isSimulated } from "@kensa/core";
import type { ReactNode } from "react";
import type { Metadata } from "next";
import { connection } from "next/server";
import { parseParamsLenient, slugListParam } from "../../api/query-params";
import { AuthMethodLabel } from "../../components/auth-method-label";
import { ChartFigure, rateDomain } from "../../components/chart-figure";
import { GradeChip, PartialMarker } from "../../components/grade-chip";
import { SaidText } from "../../components/said-text";
import { SandboxNotice, SourceTag } from "../../components/sandbox-notice";
import { compareLimits, loadComparison } from "../../data/compare";
import { capReason } from "../../i18n/grade-text";
import { label, serviceName } from "../../i18n/lang";
import { requestLang } from "../../i18n/request-lang";
import { ms, percent, score } from "../../lib/format";
import { seriesColors } from "../../lib/palette";
import { toUrlParams, type PageSearchParams } from "../../lib/search-params";
import { getDatabase } from "../../server/database";

export const metadata: Metadata = { title: "Compare" };
const pageParams = { ids: slugListParam(50) };

export default async function ComparePage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  await connection();
  const { value: q } = parseParamsLenient(pageParams, toUrlParams(await searchParams));
  const [{ lang, t }, db] = await Promise.all([requestLang(), getDatabase()]);
  const c = t.compare;
  const tooMany = q.ids.length > compareLimits.max;
  const data = q.ids.length >= compareLimits.min && !tooMany ? await loadComparison(db, q.ids) : null;
  const services = data?.services ?? [];
  const axisNames = [...new Set(services.flatMap((s) => s.axes.map((a) => a.name)))];
  const factNames = [...new Set(services.flatMap((s) => s.declared.map((f) => f.name)))];
  const color = (i: number) => seriesColors[i % seriesColors.length]!;
  const row = (name: string, cells: (s: (typeof services)[number]) => ReactNode) => (
    <tr key={name}><th scope="row">{name}</th>{services.map((s) => <td key={s.id}>{cells(s)}</td>)}</tr>
  );
  return (
    <>
      <h1>{c.title}</h1>
      <p className="lead">{c.intro}</p>
      <form method="get" action="/compare" className="filters">
        <div className="field field-wide">
          <label htmlFor="compare-ids">{c.pick}</label>
          <input id="compare-ids" name="ids" type="text" defaultValue={q.ids.join(",")} placeholder="freee, slack" />
        </div>
        <div className="field field-actions"><button type="submit">{c.submit}</button></div>
      </form>
      {tooMany ? <p className="notice" role="alert">{c.tooMany}</p> : null}
      {data?.unknown.length ? <p className="notice" role="alert">{c.unknownIds(data.unknown.join(", "))}</p> : null}
      {services.length < compareLimits.min ? <p>{c.needIds}</p> : (
        <>
          {services.some((s) => isSimulated(s.source)) ? <SandboxNotice t={t} /> : null}
          <p><a href={`/api/v1/export.csv?ids=${services.map((s) => encodeURIComponent(s.id)).join(",")}`} data-testid="export-shortlist">{c.exportShortlist}</a></p>
          <div className="table-scroll">
            <table data-testid="compare-table">
              <caption className="visually-hidden">{c.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.property}</th>
                  {services.map((s, i) => (
                    <th scope="col" key={s.id} data-service={s.id}>
                      <span className="swatch" style={{ background: color(i) }} aria-hidden="true" />
                      <a href={`/services/${encodeURIComponent(s.id)}`}>{serviceName(lang, s.name)}</a> <SourceTag source={s.source} t={t} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {row(t.leaderboard.grade, (s) => <><GradeChip grade={s.grade?.grade ?? null} provisional={s.grade?.provisional} label={t.leaderboard.ungraded} />{s.grade?.coverage === "partial" ? <> <PartialMarker t={t} /></> : null}</>)}
                {row(t.service.score, (s) => score(s.grade?.score))}
                {row(t.service.scoreBeforeCaps, (s) => score(s.grade?.scoreBeforeCaps))}
                {row(t.service.caps, (s) => (s.caps.length ? s.caps.map((x, i) => <span key={x.id}>{i > 0 ? "; " : null}<SaidText said={capReason(lang, x)} page={lang} /></span>) : "—"))}
                {axisNames.map((a) => row(label(t.axesNames, a), (s) => {
                  const axis = s.axes.find((x) => x.name === a);
                  return axis ? <>{score(axis.score)} <span className="muted small">({t.service.evidenceStatus[axis.evidence]})</span></> : "—";
                }))}
                {row(`${t.leaderboard.successRate} (${t.service.window(30)})`, (s) => percent(s.window.successRate))}
                {row(t.leaderboard.p95, (s) => ms(s.window.p95Ms))}
                {row(t.leaderboard.auth, (s) => <AuthMethodLabel auth={s.auth} t={t} />)}
                {row(t.leaderboard.sso, (s) => (s.sso ? t.leaderboard.yes : t.leaderboard.no))}
                {row(t.leaderboard.iac, (s) => (s.iac ? t.leaderboard.yes : t.leaderboard.no))}
                {factNames.map((f) => row(label(t.facts, f), (s) => {
                  const fact = s.declared.find((x) => x.name === f);
                  return !fact || fact.value === "unknown" ? <span className="muted">{t.service.unknown}</span> : fact.value ? t.leaderboard.yes : t.leaderboard.no;
                }))}
              </tbody>
            </table>
          </div>
          <div className="grid-2" data-testid="compare-charts">
            <ChartFigure title={c.overlay} tableLabel={t.service.dataTable} xLabel={t.service.day} cell={(v) => percent(v as number | null)}
              chart={{ kind: "line", format: "percent", xKey: "day", label: c.overlay, data: data!.overlay, yDomain: rateDomain(data!.overlay.flatMap((r) => services.map((_, i) => r[`s${i}_rate`] as number | null))),
                series: services.map((s, i) => ({ key: `s${i}_rate`, label: serviceName(lang, s.name), color: color(i) })) }} />
            <ChartFigure title={c.overlayLatency} tableLabel={t.service.dataTable} xLabel={t.service.day} cell={(v) => (typeof v === "number" ? ms(v) : "—")}
              chart={{ kind: "line", format: "ms", xKey: "day", label: c.overlayLatency, data: data!.overlay,
                series: services.map((s, i) => ({ key: `s${i}_p95`, label: serviceName(lang, s.name), color: color(i) })) }} />
          </div>
        </>
      )}
    </>
  );
}
