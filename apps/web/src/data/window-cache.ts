// Figures that change once per sweep but cost a pass over many rollup rows — every service's window
// figures (~50 ms for 30 days of 225 services here, ~150 ms for 90), the population's trends — are kept
// per database and key, served stale-while-revalidate: after `freshMs` the next request triggers a
// refresh and still gets the previous answer, so only a cold start pays the full cost. Pages show `asOf`.
import { readWindowStats, type Database, type DayWindow, type WindowStats } from "@kensa/db";

interface Entry {
  at: number;
  value: Promise<unknown>;
  refreshing: boolean;
}

export interface CacheOptions {
  freshMs?: number;
  now?: () => number;
}

const maxEntries = 48;
const caches = new WeakMap<Database, Map<string, Entry>>();

export function staleWhileRevalidate<T>(db: Database, key: string, load: () => Promise<T>, options: CacheOptions = {}): Promise<T> {
  const now = options.now ?? Date.now;
  const freshMs = options.freshMs ?? 30_000;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const entry = cache.get(key);
  if (!entry) {
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
    const fresh: Entry = { at: now(), value: load(), refreshing: false };
    fresh.value.catch(() => cache.delete(key));
    cache.set(key, fresh);
    return fresh.value as Promise<T>;
  }
  if (now() - entry.at > freshMs && !entry.refreshing) {
    entry.refreshing = true;
    const next = load();
    // Swap in the new figures only once they exist; a failed refresh keeps the old ones and retries later.
    next.then(
      () => cache.set(key, { at: now(), value: next, refreshing: false }),
      () => { entry.refreshing = false; },
    );
  }
  return entry.value as Promise<T>;
}

export function cachedWindowStats(db: Database, window: DayWindow, options: CacheOptions = {}): Promise<Map<string, WindowStats>> {
  return staleWhileRevalidate(db, `window|${window.from}|${window.to}`, () => readWindowStats(db, window), options);
}
