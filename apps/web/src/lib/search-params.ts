// Page URLs that keep the reader's state: filters, sort and page survive every link (shareable).

export type PageSearchParams = Record<string, string | string[] | undefined>;

export function toUrlParams(params: PageSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) for (const x of v) out.append(k, x);
    else if (v !== undefined) out.append(k, v);
  }
  return out;
}

/** The current query with some parameters replaced (undefined or "" removes one). */
export function hrefWith(path: string, current: URLSearchParams, changes: Record<string, string | number | undefined>): string {
  const next = new URLSearchParams(current);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === "") next.delete(k);
    else next.set(k, String(v));
  }
  const qs = next.toString();
  return qs ? `${path}?${qs}` : path;
}
