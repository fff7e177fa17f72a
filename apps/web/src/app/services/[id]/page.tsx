// A service's page: why it has its grade, what would raise it, and the evidence over time.
import { isSimulated } from "@kensa/core";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { serviceIdPattern } from "../../../api/handlers/service";
import { enumDefault, parseParamsLenient } from "../../../api/query-params";
import { AuthMethodLabel } from "../../../components/auth-method-label";
import { PackageEvidence } from "../../../components/package-evidence";
import { PackageTag, SandboxNotice, SourceTag } from "../../../components/sandbox-notice";
import { ServiceCharts } from "../../../components/service-charts";
import { ServiceChecks, ServiceDeclared, ServiceFailures, ServiceGradeHistory } from "../../../components/service-evidence";
import { ServiceAxes, ServiceGrade } from "../../../components/service-grade";
import { ServiceReported } from "../../../components/service-reported";
import { loadHistory } from "../../../data/history";
import { loadServiceDetail } from "../../../data/service-detail";
import { label, serviceName } from "../../../i18n/lang";
import { requestLang } from "../../../i18n/request-lang";
import { addDays } from "../../../lib/days";
import { ms, percent } from "../../../lib/format";
import { hrefWith, toUrlParams, type PageSearchParams } from "../../../lib/search-params";
import { currentSession } from "../../../server/session";
import { getDatabase } from "../../../server/database";

const pageParams = { range: enumDefault(["30", "90", "365"], "90").transform(Number), window: enumDefault(["7", "30", "90"], "30").transform(Number) };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<PageSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: id };
}

export default async function ServicePage({ params, searchParams }: Props) {
  await connection();
  const { id } = await params;
  if (!serviceIdPattern.test(id)) notFound();
  const query = toUrlParams(await searchParams);
  const { value: q } = parseParamsLenient(pageParams, query);
  const [{ lang, t }, db, session] = await Promise.all([requestLang(), getDatabase(), currentSession()]);
  const s = await loadServiceDetail(db, id, q.window);
  if (!s) notFound();
  const to = s.window.to;
  const points = await loadHistory(db, id, { from: addDays(to, -(q.range - 1)), to }, q.range > 90 ? "week" : "day");
  const v = t.service;
  const name = serviceName(lang, s.name);
  const origin = await siteOrigin();
  const badgeUrl = `${origin}/api/v1/badge/${encodeURIComponent(id)}.svg`;
  return (
    <>
      <p className="small"><a href="/">{t.nav.leaderboard}</a> › {label(t.categories, s.category)}</p>
      <div className="service-title">
        <h1>{name}</h1>
        {lang === "ja" ? <span className="muted" lang="en">{s.name.en}</span> : s.name.ja ? <span className="muted" lang="ja">{s.name.ja}</span> : null}
        <SourceTag source={s.source} t={t} />
        <PackageTag evidence={s.packageEvidence} t={t} />
      </div>
      <p className="facts-line">
        <span>{v.vendor}: {s.vendor}</span>
        <span>{v.category}: {label(t.categories, s.category)}</span>
        <span>{v.auth}: <AuthMethodLabel auth={s.auth} t={t} /></span>
        <span>{t.leaderboard.successRate} ({v.window(s.window.days)}): <strong>{percent(s.window.successRate)}</strong></span>
        <span>p95: <strong>{ms(s.window.p95Ms)}</strong></span>
      </p>
      {isSimulated(s.source) ? <SandboxNotice t={t} /> : null}
      {v.reprobeResult[query.get("reprobe") ?? ""] ? <p role="status" className="notice">{v.reprobeResult[query.get("reprobe")!]}</p> : null}
      {session ? (
        <form method="post" action={`/api/v1/services/${encodeURIComponent(id)}/reprobe`}>
          <input type="hidden" name="csrf" value={session.csrf} />
          <button type="submit">{v.reprobe}</button>
        </form>
      ) : null}
      <ServiceGrade s={s} t={t} lang={lang} />
      <PackageEvidence evidence={s.packageEvidence} t={t} lang={lang} />
      <ServiceAxes s={s} t={t} lang={lang} />
      <section aria-labelledby="charts-heading">
        <h2 id="charts-heading">{v.charts}</h2>
        <nav className="range-links" aria-label={v.range}>
          {[30, 90, 365].map((r) => <a key={r} href={hrefWith(`/services/${encodeURIComponent(id)}`, query, { range: r === 90 ? undefined : r })} aria-current={r === q.range ? "true" : undefined}>{v.window(r)}</a>)}
        </nav>
        <ServiceCharts points={points} t={t} />
      </section>
      <ServiceChecks s={s} t={t} lang={lang} />
      <ServiceFailures s={s} t={t} lang={lang} />
      <ServiceReported s={s} t={t} lang={lang} />
      <ServiceDeclared s={s} t={t} />
      <ServiceGradeHistory s={s} t={t} lang={lang} />
      <section aria-labelledby="badge-heading">
        <h2 id="badge-heading">{v.badge}</h2>
        <p><img src={`/api/v1/badge/${encodeURIComponent(id)}.svg`} alt={`Kensa ${s.grade?.grade ?? t.leaderboard.ungraded}`} height={20} /></p>
        <p>{v.badgeHelp}</p>
        <pre data-testid="badge-code">{`[![Kensa grade](${badgeUrl})](${origin}/services/${encodeURIComponent(id)})`}</pre>
      </section>
    </>
  );
}

async function siteOrigin(): Promise<string> {
  const h = await headers();
  const host = z.string().regex(/^[A-Za-z0-9.-]+(:\d+)?$/).safeParse(h.get("x-forwarded-host") ?? h.get("host"));
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  return host.success ? `${proto}://${host.data}` : "";
}
