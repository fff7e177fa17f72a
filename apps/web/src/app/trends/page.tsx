// Trends for analysts: adoption at a glance, grades and reliability over time, error mix per category.
import type { Metadata } from "next";
import { connection } from "next/server";
import { allErrorClasses } from "@kensa/core";
import { enumDefault, parseParamsLenient, slugListParam } from "../../api/query-params";
import { ChartFigure, rateDomain } from "../../components/chart-figure";
import { GradeChip } from "../../components/grade-chip";
import { SandboxNotice } from "../../components/sandbox-notice";
import { adoptionBases, adoptionFigure, adoptionMetrics, type AdoptionView } from "../../data/adoption";
import { protocolPostures, type ProtocolMix } from "../../data/protocol-mix";
import { loadTrends } from "../../data/trends";
import { label, serviceName } from "../../i18n/lang";
import { requestLang } from "../../i18n/request-lang";
import { percent, score } from "../../lib/format";
import { gradeColor, gradeOrder } from "../../lib/grades";
import { errorClassColor, seriesColors } from "../../lib/palette";
import { hrefWith, toUrlParams, type PageSearchParams } from "../../lib/search-params";
import type { Messages } from "../../i18n/messages-en";
import { getDatabase } from "../../server/database";

export const metadata: Metadata = { title: "Trends" };
const pageParams = { range: enumDefault(["30", "90", "365"], "90").transform(Number), category: slugListParam(1) };

export default async function TrendsPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  await connection();
  const query = toUrlParams(await searchParams);
  const { value: q } = parseParamsLenient(pageParams, query);
  const [{ lang, t }, db] = await Promise.all([requestLang(), getDatabase()]);
  const d = await loadTrends(db, q.range, q.category[0] ?? null);
  const tr = t.trends;
  const pct = (n: number) => percent(d.total ? n / d.total : null, 0);
  const top = d.categories.slice(0, 6).map((c) => c.category);
  const classes = allErrorClasses.filter((c) => d.categories.some((cat) => (cat.errors[c] ?? 0) > 0));
  return (
    <>
      <h1>{tr.title}</h1>
      <p className="lead">{tr.intro}</p>
      {d.sandbox ? <SandboxNotice t={t} /> : null}
      <nav className="range-links" aria-label={t.service.range}>
        {[30, 90, 365].map((r) => <a key={r} href={hrefWith("/trends", query, { range: r === 90 ? undefined : r })} aria-current={r === q.range ? "true" : undefined}>{t.service.window(r)}</a>)}
      </nav>
      <section aria-labelledby="adoption-heading">
        <h2 id="adoption-heading">{tr.adoption}</h2>
        <div className="grid-3" data-testid="adoption">
          {([[tr.oauth, d.adoption.oauth], [tr.sso, d.adoption.sso], [tr.iac, d.adoption.iac]] as const).map(([name, n]) => (
            <div key={name} className="panel">
              <div className="stat">{pct(n)}</div>
              <div className="stat-label">{name} · {tr.ofServices(n, d.total)} · <span data-basis="declared">{tr.declaredTag}</span></div>
            </div>
          ))}
        </div>
        <AdoptionByOrigin view={d.byOrigin} tr={tr} />
        <h3>{tr.observedTitle}</h3>
        <div className="grid-3" data-testid="adoption-observed">
          {([[tr.observedOauth, d.observed.oauth], [tr.observedIdJag, d.observed.idJag]] as const).map(([name, n]) => (
            <div key={name} className="panel">
              <div className="stat">{percent(d.observed.checked ? n / d.observed.checked : null, 0)}</div>
              <div className="stat-label">{name} · {tr.ofChecked(n, d.observed.checked)}</div>
            </div>
          ))}
        </div>
        <p className="small muted">{tr.declaredVsObserved}{d.observed.sources.includes("sandbox") ? ` ${tr.observedSandbox}` : ""}</p>
        <h3>{tr.authMix}</h3>
        <ul className="distribution-legend">
          {Object.entries(d.adoption.authMix).sort((a, b) => b[1] - a[1]).map(([m, n]) => <li key={m}>{label(t.authMethods, m)} <strong>{n}</strong> ({pct(n)})</li>)}
        </ul>
      </section>
      <ProtocolMixSection mix={d.protocolMix} tr={tr} tableLabel={t.service.dataTable} />
      <section aria-labelledby="grades-heading">
        <h2 id="grades-heading">{tr.gradeOverTime}</h2>
        <ChartFigure captionHidden title={tr.gradeOverTime} tableLabel={t.service.dataTable} xLabel={tr.week} cell={(c) => String(c ?? 0)}
          chart={{ kind: "stacked-bar", format: "count", xKey: "week", label: tr.gradeOverTime, data: d.gradeWeeks,
            series: gradeOrder.map((g) => ({ key: g, label: g, color: gradeColor[g] })) }} />
      </section>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">{tr.categorySuccess}</h2>
        <ChartFigure captionHidden title={tr.categorySuccess} tableLabel={t.service.dataTable} xLabel={tr.week} cell={(c) => percent(c as number | null)}
          chart={{ kind: "line", format: "percent", xKey: "week", label: tr.categorySuccess,
            data: d.categoryWeeks.map((w) => ({ week: w.week, ...Object.fromEntries(top.map((c) => [c, w.rates[c] ?? null])) })),
            yDomain: rateDomain(d.categoryWeeks.flatMap((w) => top.map((c) => w.rates[c]))),
            series: top.map((c, i) => ({ key: c, label: label(t.categories, c), color: seriesColors[i % seriesColors.length]! })) }} />
        <h3>{tr.categoryErrors}</h3>
        <ChartFigure captionHidden title={tr.categoryErrors} tableLabel={t.service.dataTable} xLabel={t.leaderboard.category} cell={(c) => String(c ?? 0)}
          chart={{ kind: "stacked-bar", horizontal: true, height: Math.max(260, d.categories.length * 22), format: "count", xKey: "category", label: tr.categoryErrors,
            data: d.categories.map((c) => ({ category: label(t.categories, c.category), ...Object.fromEntries(classes.map((k) => [k, c.errors[k] ?? 0])) })),
            series: classes.map((k) => ({ key: k, label: k, color: errorClassColor[k] })) }} />
        <h3 id="error-weeks-heading">{tr.errorMixOverTime}: {d.errorWeeks.category ? label(t.categories, d.errorWeeks.category) : tr.allCategories}</h3>
        <nav className="range-links" aria-labelledby="error-weeks-heading">
          <a href={hrefWith("/trends", query, { category: undefined })} aria-current={d.errorWeeks.category === null ? "true" : undefined}>{tr.allCategories}</a>
          {d.categories.map((c) => <a key={c.category} href={hrefWith("/trends", query, { category: c.category })} aria-current={d.errorWeeks.category === c.category ? "true" : undefined}>{label(t.categories, c.category)}</a>)}
        </nav>
        <ChartFigure captionHidden title={tr.errorMixOverTime} tableLabel={t.service.dataTable} xLabel={tr.week} cell={(c) => String(c ?? 0)}
          chart={{ kind: "stacked-bar", format: "count", xKey: "week", label: tr.errorMixOverTime, data: d.errorWeeks.rows,
            series: d.errorWeeks.classes.map((k) => ({ key: k, label: k, color: errorClassColor[k as keyof typeof errorClassColor] ?? "#57606a" })) }} />
        <div className="table-scroll">
          <table>
            <thead><tr><th scope="col">{t.leaderboard.category}</th><th scope="col">{t.service.calls}</th><th scope="col">{t.leaderboard.successRate}</th></tr></thead>
            <tbody>{d.categories.map((c) => <tr key={c.category}><th scope="row">{label(t.categories, c.category)}</th><td className="num">{c.calls}</td><td className="num">{percent(c.calls ? c.successes / c.calls : null)}</td></tr>)}</tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="movers-heading">
        <h2 id="movers-heading">{tr.movers}</h2>
        <div className="grid-2">
          {([[tr.up, d.movers.up], [tr.down, d.movers.down]] as const).map(([title, list]) => (
            <div key={title}>
              <h3>{title}</h3>
              {list.length === 0 ? <p className="muted">—</p> : null}
              <ol data-testid={`movers-${title}`}>
                {list.map((m) => (
                  <li key={m.serviceId}>
                    <a href={`/services/${encodeURIComponent(m.serviceId)}`}>{serviceName(lang, { en: m.nameEn, ja: m.nameJa })}</a>{" "}
                    <GradeChip grade={m.previousGrade} label="" /> → <GradeChip grade={m.grade} label="" />{" "}
                    <span className="small">{score(m.previousScore)} → {score(m.score)} ({m.score >= m.previousScore ? "+" : ""}{(m.score - m.previousScore).toFixed(1)})</span>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </div>
      </section>
    </>
  );
}

/** Declared beside simulated, by vendor origin: every row names its basis, so a simulated share never reads as observed. */
function AdoptionByOrigin({ view, tr }: { view: AdoptionView; tr: Messages["trends"] }) {
  const populations = ["domestic", "global", "all", "top_tier"] as const;
  return (
    <>
      <h3 id="adoption-origin-heading">{tr.byOrigin}</h3>
      <div className="table-scroll">
        <table data-testid="adoption-by-origin" aria-labelledby="adoption-origin-heading">
          <thead>
            <tr>
              <th scope="col">{tr.metric}</th>
              <th scope="col">{tr.basis}</th>
              {populations.map((p) => <th key={p} scope="col">{tr.population[p]}</th>)}
            </tr>
          </thead>
          <tbody>
            {adoptionMetrics.flatMap((metric) => adoptionBases.map((basis) => (
              <tr key={`${metric}-${basis}`} data-metric={metric} data-basis={basis}>
                <th scope="row">{tr.metricName[metric]}</th>
                <td><span className={basis === "simulated" ? "source-tag source-sandbox" : "source-tag"}>{tr.basisLabel[basis]}</span></td>
                {populations.map((population) => {
                  const f = adoptionFigure(view, basis, metric, population);
                  return (
                    <td key={population} className="num" data-population={population} data-share={f?.share ?? ""}>
                      {f ? <>{percent(f.share, 0)} <span className="small muted">({tr.shareOf(f.count, f.services)})</span></> : "—"}
                    </td>
                  );
                })}
              </tr>
            )))}
          </tbody>
        </table>
      </div>
      <p className="small muted">{tr.byOriginNote}</p>
    </>
  );
}

const postureColor: Record<(typeof protocolPostures)[number], string> = { initialize: "#8c959f", dual: "#54aeff", modern: "#1a7f37", unknown: "#d4a72c" };

/** Share of runs per day by protocol era posture, one chart per source, each labelled with its source. */
function ProtocolMixSection({ mix, tr, tableLabel }: { mix: ProtocolMix; tr: Messages["trends"]; tableLabel: string }) {
  return (
    <section aria-labelledby="protocol-mix-heading" data-testid="protocol-mix">
      <h2 id="protocol-mix-heading">{tr.protocolMix}</h2>
      <p className="small muted">{tr.protocolMixIntro}</p>
      {mix.sources.length === 0 ? <p className="muted">—</p> : null}
      {mix.sources.map((source) => (
        <div key={source} data-source={source}>
          <h3><span className={source === "sandbox" ? "source-tag source-sandbox" : "source-tag"}>{tr.protocolSource(source)}</span></h3>
          <ChartFigure captionHidden title={`${tr.protocolMix} · ${tr.protocolSource(source)}`} tableLabel={tableLabel} xLabel={tr.day} cell={(c) => percent(c as number | null, 0)}
            chart={{ kind: "stacked-bar", format: "percent", xKey: "day", label: `${tr.protocolMix} · ${tr.protocolSource(source)}`,
              data: mix.days.filter((d) => d.source === source).map((d) => ({ day: d.day, ...d.shares })),
              series: protocolPostures.map((p) => ({ key: p, label: tr.protocolPosture[p], color: postureColor[p] })) }} />
          {source === "sandbox" ? <p className="small muted">{tr.protocolMixSandbox}</p> : null}
        </div>
      ))}
    </section>
  );
}
