// The leaderboard table: sortable headers as links (aria-sort says which), one row per service, and a
// checkbox per row feeding the shortlist form (compare, or export the selection as CSV).
import type { LeaderboardQuery, SortKey } from "../api/leaderboard-params";
import type { SummaryRow } from "../data/service-summary";
import { defaultOrder } from "../data/leaderboard";
import { label, serviceName, type Lang } from "../i18n/lang";
import type { Messages } from "../i18n/messages-en";
import { dateTime, ms, percent, score } from "../lib/format";
import { hrefWith } from "../lib/search-params";
import { AuthMethodLabel } from "./auth-method-label";
import { GradeChip, PartialMarker } from "./grade-chip";
import { PackageTag, SourceTag } from "./sandbox-notice";
import { Sparkline } from "./sparkline";

interface Props {
  t: Messages;
  lang: Lang;
  rows: SummaryRow[];
  query: LeaderboardQuery;
  params: URLSearchParams;
}

export function LeaderboardTable({ t, lang, rows, query, params }: Props) {
  const l = t.leaderboard;
  const order = query.order ?? defaultOrder(query.sort);
  const columns: [SortKey, string][] = [["name", l.service], ["category", l.category], ["grade", l.grade], ["score", l.score], ["successRate", l.successRate], ["p95", l.p95], ["auth", l.auth], ["sso", l.sso], ["iac", l.iac]];
  const sortedLabel = [...columns, ["lastProbed", l.lastProbed] as [SortKey, string]].find(([k]) => k === query.sort)?.[1] ?? query.sort;
  const header = (key: SortKey, text: string) => {
    const active = query.sort === key;
    const nextOrder = active ? (order === "asc" ? "desc" : "asc") : defaultOrder(key);
    return (
      <th scope="col" aria-sort={active ? (order === "asc" ? "ascending" : "descending") : undefined} key={key}>
        <a href={hrefWith("/", params, { sort: key, order: nextOrder === defaultOrder(key) ? undefined : nextOrder, page: undefined })} title={l.sortBy(text)}>
          {text}
          <span aria-hidden="true" className="sort-mark">{active ? (order === "asc" ? " ▲" : " ▼") : ""}</span>
        </a>
      </th>
    );
  };
  return (
    <form method="get" action="/compare" className="shortlist-form">
      <p className="muted small">{l.shortlistHelp}</p>
      <div className="table-scroll">
        <table className="leaderboard" data-testid="leaderboard">
          <caption>{l.caption(sortedLabel, order === "asc" ? l.ascending : l.descending)}</caption>
          <thead>
            <tr>
              <th scope="col"><span className="visually-hidden">{l.select}</span></th>
              {columns.map(([k, text]) => header(k, text))}
              <th scope="col">{l.trend}</th>
              {header("lastProbed", l.lastProbed)}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const name = serviceName(lang, r.name);
              return (
                <tr key={r.id} data-service={r.id} data-grade={r.grade?.grade ?? "ungraded"}>
                  <td><input type="checkbox" name="ids" value={r.id} aria-label={l.selectService(name)} /></td>
                  <th scope="row" className="service-cell">
                    <a href={`/services/${encodeURIComponent(r.id)}`}>{name}</a>
                    {lang === "ja" && r.name.ja ? <span className="subtle" lang="en">{r.name.en}</span> : r.name.ja ? <span className="subtle" lang="ja">{r.name.ja}</span> : null}
                    <span className="subtle">{r.vendor} <SourceTag source={r.source} t={t} /> <PackageTag evidence={r.packageEvidence} t={t} /></span>
                  </th>
                  <td>{label(t.categories, r.category)}</td>
                  <td className="nowrap"><GradeChip grade={r.grade?.grade ?? null} provisional={r.grade?.provisional} label={l.ungraded} />{r.grade?.coverage === "partial" ? <> <PartialMarker t={t} /></> : null}</td>
                  <td className="num">{score(r.grade?.score)}</td>
                  <td className="num">{percent(r.window.successRate)}</td>
                  <td className="num">{ms(r.window.p95Ms)}</td>
                  <td><AuthMethodLabel auth={r.auth} t={t} /></td>
                  <td>{r.sso ? <span className="marker marker-yes">{l.yes}</span> : <span className="marker">{l.no}</span>}</td>
                  <td>{r.iac ? <span className="marker marker-yes">{l.yes}</span> : <span className="marker">{l.no}</span>}</td>
                  <td><Sparkline points={r.sparkline} label={`${l.successRate} ${percent(r.window.successRate)}`} /></td>
                  <td className="nowrap small">{dateTime(r.lastProbedAt, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="shortlist-actions">
        <button type="submit">{l.compareSelected}</button>
        <button type="submit" formAction="/api/v1/export.csv" className="secondary">{l.exportSelected}</button>
      </div>
    </form>
  );
}
