import type { Messages } from "../i18n/messages-en";
import { hrefWith } from "../lib/search-params";

export function Pagination({ t, page, pages, params, path = "/" }: { t: Messages; page: number; pages: number; params: URLSearchParams; path?: string }) {
  if (pages <= 1) return null;
  const l = t.leaderboard;
  const near = Array.from({ length: pages }, (_, i) => i + 1).filter((p) => p === 1 || p === pages || Math.abs(p - page) <= 2);
  return (
    <nav aria-label={l.pagination} className="pagination">
      <ul>
        <li>{page > 1 ? <a href={hrefWith(path, params, { page: page - 1 })} rel="prev">{l.previous}</a> : <span aria-disabled="true">{l.previous}</span>}</li>
        {near.map((p, i) => (
          <li key={p}>
            {i > 0 && p - near[i - 1]! > 1 ? <span aria-hidden="true">… </span> : null}
            {p === page ? <span aria-current="page">{p}</span> : <a href={hrefWith(path, params, { page: p === 1 ? undefined : p })} aria-label={l.page(p)}>{p}</a>}
          </li>
        ))}
        <li>{page < pages ? <a href={hrefWith(path, params, { page: page + 1 })} rel="next">{l.next}</a> : <span aria-disabled="true">{l.next}</span>}</li>
      </ul>
    </nav>
  );
}
