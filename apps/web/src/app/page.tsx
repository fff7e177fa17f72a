// The leaderboard: every tracked service, filterable, sortable and paged through the URL.
import { isSimulated } from "@kensa/core";
import { connection } from "next/server";
import { filterParams, leaderboardParams } from "../api/leaderboard-params";
import { parseParamsLenient } from "../api/query-params";
import { GradeDistribution } from "../components/grade-distribution";
import { LeaderboardFilters } from "../components/leaderboard-filters";
import { LeaderboardTable } from "../components/leaderboard-table";
import { Pagination } from "../components/pagination";
import { SandboxNotice } from "../components/sandbox-notice";
import { loadLeaderboard, pageOf } from "../data/leaderboard";
import { requestLang } from "../i18n/request-lang";
import { hrefWith, toUrlParams, type PageSearchParams } from "../lib/search-params";
import { getDatabase } from "../server/database";

export default async function LeaderboardPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  await connection();
  const params = toUrlParams(await searchParams);
  const { value: query, issues } = parseParamsLenient(leaderboardParams, params);
  const [{ lang, t }, db] = await Promise.all([requestLang(), getDatabase()]);
  const board = await loadLeaderboard(db, query);
  const { items, page, pages } = pageOf(board.rows, query.page, query.pageSize);
  const l = t.leaderboard;
  // The export takes the filters only (the API rejects anything else), minus any the page had to ignore.
  const rejected = new Set(issues.map((i) => i.parameter));
  const exportParams = new URLSearchParams([...params].filter(([k]) => k in filterParams && !rejected.has(k)));
  const exportHref = hrefWith("/api/v1/export.csv", exportParams, {});
  const first = board.rows.length === 0 ? 0 : (page - 1) * query.pageSize + 1;
  return (
    <>
      <h1>{l.title}</h1>
      <p className="lead">{l.intro}</p>
      {board.rows.some((r) => isSimulated(r.source)) ? <SandboxNotice t={t} /> : null}
      {issues.length > 0 ? (
        <div className="notice" role="alert">
          {l.badParams} <ul>{issues.map((i) => <li key={i.parameter}><code>{i.parameter}</code>: {i.message}</li>)}</ul>
        </div>
      ) : null}
      <GradeDistribution counts={board.distribution} t={t} linkFor={(g) => hrefWith("/", params, { grade: g, page: undefined })} />
      <LeaderboardFilters t={t} lang={lang} query={query} categories={board.categories} />
      <p className="result-count" aria-live="polite">
        {board.rows.length === 0 ? l.none : l.showing(first, first + items.length - 1, board.rows.length)}
        {board.asOf ? <span className="muted small"> · {l.asOf(board.asOf)}</span> : null}
        {" · "}<a href={exportHref} data-testid="export-all">{l.exportAll}</a>
      </p>
      {items.length > 0 ? <LeaderboardTable t={t} lang={lang} rows={items} query={query} params={params} /> : null}
      <Pagination t={t} page={page} pages={pages} params={params} />
    </>
  );
}
