// Window figures for every service change once per sweep, but cost one pass over the window's rollups
// (~50 ms for 30 days of 225 services, ~150 ms for 90 on this machine). Kept per database and window,
// served stale-while-revalidate: after `freshMs` the next request triggers a refresh and still gets the
// previous answer, so only a cold start pays the full cost. Pages show the figures' `asOf` day.
import { readWindowStats, type Database, type DayWindow, type WindowStats } from "@kensa/db";

interface Entry {
  at: number;
  value: Promise<Map<string, WindowStats>>;
  refreshing: boolean;
}

const maxEntries = 24;
const caches = new WeakMap<Database, Map<string, Entry>>();

export interface WindowCacheOptions {
  freshMs?: number;
  now?: () => number;
}

export function cachedWindowStats(db: Database, window: DayWindow, options: WindowCacheOptions = {}): Promise<Map<string, WindowStats>> {
  const now = options.now ?? Date.now;
  const freshMs = options.freshMs ?? 30_000;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${window.from}|${window.to}`;
  const entry = cache.get(key);
  if (!entry) return load(cache, key, db, window, now).value;
  if (now() - entry.at > freshMs && !entry.refreshing) {
    entry.refreshing = true;
    const next = readWindowStats(db, window);
    // Swap in the new figures only once they exist; a failed refresh keeps the old ones and retries later.
    next.then(
      () => cache.set(key, { at: now(), value: next, refreshing: false }),
      () => { entry.refreshing = false; },
    );
  }
  return entry.value;
}

function load(cache: Map<string, Entry>, key: string, db: Database, window: DayWindow, now: () => number): Entry {
  if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
  const entry: Entry = { at: now(), value: readWindowStats(db, window), refreshing: false };
  entry.value.catch(() => cache.delete(key));
  cache.set(key, entry);
  return entry;
}
