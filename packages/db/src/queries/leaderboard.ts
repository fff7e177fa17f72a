// What the leaderboard reads: every active service with its newest grade and last probe (index lookups per
// service), and its window figures from daily rollups only — never raw steps — so a year of history costs
// the same as a week. Percentiles over the window come from the summed latency histograms. The auth method
// shown is the declared one, or where that is unknown what the newest grade's evidence observed.
import {
  AuthMethod, AuthObservationEvidence, listSources, observedAuthMethod, partialCoverageCap, percentile, shownAuthMethod,
  type Coverage, type DataSource, type ErrorClass, type LatencyHistogram, type ShownAuthMethod, type TrafficCounts,
} from "@kensa/core";
import type { Database } from "../open-database";
import { prismaOf } from "../prisma-of";
import { dayString } from "./record-runs";
import { gradedSourceSql } from "./graded-sources-sql";

export interface LatestGradeSummary {
  grade: string;
  score: number;
  scoreBeforeCaps: number;
  provisional: boolean;
  /** partial: graded without a working credential of ours (core coverage.ts). */
  coverage: Coverage;
  methodologyVersion: string;
  computedAt: Date;
  source: string;
  /** The grade under the staged methodology version, while one is staged (core GradeReport.future). */
  future: { grade: string; score: number; methodologyVersion: string } | null;
}

/** A snapshot's caps hold the partial-coverage floor exactly when its grade is partial (a constant, not input). */
const partialCoverageSql = `caps @> '${JSON.stringify([{ id: partialCoverageCap }])}'::jsonb`;

export interface LeaderboardService {
  id: string;
  nameEn: string;
  nameJa: string | null;
  vendor: string;
  category: string;
  /** As the catalogue declares it ("unknown" when no source says). */
  authMethod: string;
  /** What to show: the declared method, or the one the newest grade's evidence observed when that is unknown. */
  auth: ShownAuthMethod;
  /** The catalogue entry's declared facts ({ saml: { value, source }, … }); {} when none. */
  declared: Record<string, unknown>;
  grade: LatestGradeSummary | null;
  lastProbedAt: Date | null;
}

export interface WindowStats extends TrafficCounts {
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  sources: DataSource[];
  /** One point per day with traffic, oldest first. */
  daily: { day: string; calls: number; successes: number }[];
}

export interface DayWindow {
  /** Inclusive, YYYY-MM-DD (UTC). */
  from: string;
  to: string;
}

/** The newest day any rollup covers: pages anchor their windows here, so a backfilled history reads as "now". */
export async function latestRollupDay(db: Database): Promise<string | null> {
  const rows = await prismaOf(db).$queryRawUnsafe<{ day: Date | string | null }[]>(`SELECT max(day) AS day FROM daily_rollup`);
  const day = rows[0]?.day;
  return day ? dayString(day) : null;
}

export async function readLeaderboardServices(db: Database, filter: { ids?: readonly string[] } = {}): Promise<LeaderboardService[]> {
  const rows = await prismaOf(db).$queryRawUnsafe<ServiceRow[]>(
    `SELECT s.id, s.name_en, s.name_ja, s.vendor, s.category, s.auth_method,
            coalesce(s.catalogue -> 'facts', s.catalogue -> 'declared', '{}'::jsonb) AS declared,
            g.grade, g.score, g.score_before_caps, g.provisional, g.partial, g.methodology_version, g.computed_at, g.source AS grade_source,
            r.started_at AS last_probed_at,
            g.grade_checks, g.grade_credential_mode, g.future_grade, g.future_score, g.future_version
     FROM service s
     LEFT JOIN LATERAL (SELECT grade, score, score_before_caps, provisional, ${partialCoverageSql} AS partial, methodology_version, computed_at, source,
                               -- The evidence is read only where it is shown: a declared method wins, and
                               -- detoasting every snapshot's inputs costs the page ~10 ms.
                               CASE WHEN s.auth_method = 'unknown' THEN inputs -> 'checks' END AS grade_checks,
                               CASE WHEN s.auth_method = 'unknown' THEN inputs #>> '{credential,mode}' END AS grade_credential_mode,
                               fixes #>> '{future,grade}' AS future_grade, (fixes #>> '{future,score}')::float8 AS future_score,
                               fixes #>> '{future,methodologyVersion}' AS future_version
                        FROM grade_snapshot WHERE service_id = s.id ORDER BY computed_at DESC LIMIT 1) g ON true
     LEFT JOIN LATERAL (SELECT started_at FROM probe_run WHERE service_id = s.id AND ${gradedSourceSql("source")} ORDER BY started_at DESC LIMIT 1) r ON true
     WHERE s.active ${filter.ids ? "AND s.id = ANY($1::text[])" : ""}
     ORDER BY s.id`,
    ...(filter.ids ? [[...filter.ids]] : []),
  );
  return rows.map((r) => ({
    id: r.id,
    nameEn: r.name_en,
    nameJa: r.name_ja,
    vendor: r.vendor,
    category: r.category,
    authMethod: r.auth_method,
    auth: shownAuthMethod(AuthMethod.safeParse(r.auth_method).data ?? "unknown", observedAuthOf(r)),
    declared: isRecord(r.declared) ? r.declared : {},
    grade: r.grade === null
      ? null
      : { grade: r.grade, score: r.score!, scoreBeforeCaps: r.score_before_caps!, provisional: r.provisional!, coverage: r.partial ? "partial" : "full", methodologyVersion: r.methodology_version!, computedAt: r.computed_at!, source: r.grade_source!,
          future: r.future_grade !== null && r.future_score !== null && r.future_version !== null ? { grade: r.future_grade, score: r.future_score, methodologyVersion: r.future_version } : null },
    lastProbedAt: r.last_probed_at,
  }));
}

/** The newest grade's observed auth method; null without a grade or when its stored evidence does not parse. */
function observedAuthOf(r: ServiceRow): ReturnType<typeof observedAuthMethod> {
  if (r.grade_checks === null) return null;
  const credential = r.grade_credential_mode === null ? {} : { mode: r.grade_credential_mode };
  const evidence = AuthObservationEvidence.safeParse({ checks: r.grade_checks, credential });
  return evidence.success ? observedAuthMethod(evidence.data) : null;
}

/** Window figures per service, from rollups: one grouped pass for counts and daily points, one for the JSON maps. */
export async function readWindowStats(db: Database, window: DayWindow, filter: { ids?: readonly string[] } = {}): Promise<Map<string, WindowStats>> {
  const params: unknown[] = [window.from, window.to];
  const idFilter = filter.ids ? "AND service_id = ANY($3::text[])" : "";
  if (filter.ids) params.push([...filter.ids]);
  const [counts, maps] = await Promise.all([
    prismaOf(db).$queryRawUnsafe<CountRow[]>(
      `WITH d AS (
         SELECT service_id, day, sum(calls)::int AS c, sum(successes)::int AS s, sum(vendor_failures)::int AS vf,
                sum(client_failures)::int AS cf, sum(intermediary_failures)::int AS inf,
                string_agg(DISTINCT source, ',') AS sources
         FROM daily_rollup WHERE day BETWEEN $1::date AND $2::date ${idFilter} GROUP BY service_id, day)
       SELECT service_id, sum(c)::int AS calls, sum(s)::int AS successes, sum(vf)::int AS vf, sum(cf)::int AS cf, sum(inf)::int AS inf,
              string_agg(DISTINCT sources, ',') AS sources,
              array_agg(to_char(day, 'YYYY-MM-DD') ORDER BY day) AS days, array_agg(c ORDER BY day) AS day_calls,
              array_agg(s ORDER BY day) AS day_successes
       FROM d GROUP BY service_id`,
      ...params,
    ),
    prismaOf(db).$queryRawUnsafe<MapRow[]>(
      `WITH h AS (SELECT service_id, h.key, sum(h.value::int)::int AS n
                  FROM daily_rollup, jsonb_each_text(latency_histogram) h
                  WHERE day BETWEEN $1::date AND $2::date ${idFilter} GROUP BY service_id, h.key),
            e AS (SELECT service_id, e.key, sum(e.value::int)::int AS n
                  FROM daily_rollup, jsonb_each_text(error_counts) e
                  WHERE day BETWEEN $1::date AND $2::date ${idFilter} GROUP BY service_id, e.key)
       SELECT service_id, 'h' AS map, jsonb_object_agg(key, n) AS counts FROM h GROUP BY service_id
       UNION ALL
       SELECT service_id, 'e' AS map, jsonb_object_agg(key, n) AS counts FROM e GROUP BY service_id`,
      ...params,
    ),
  ]);
  const histograms = new Map<string, LatencyHistogram>();
  const errors = new Map<string, Partial<Record<ErrorClass, number>>>();
  for (const m of maps) (m.map === "h" ? histograms : errors).set(m.service_id, m.counts);
  const out = new Map<string, WindowStats>();
  for (const c of counts) {
    const histogram = histograms.get(c.service_id) ?? {};
    out.set(c.service_id, {
      calls: c.calls,
      successes: c.successes,
      vendorFailures: c.vf,
      clientFailures: c.cf,
      intermediaryFailures: c.inf,
      errorCounts: errors.get(c.service_id) ?? {},
      p50Ms: percentile(histogram, 0.5),
      p95Ms: percentile(histogram, 0.95),
      p99Ms: percentile(histogram, 0.99),
      sources: listSources(c.sources.split(",")),
      daily: c.days.map((day, i) => ({ day, calls: c.day_calls[i] ?? 0, successes: c.day_successes[i] ?? 0 })),
    });
  }
  return out;
}

interface CountRow {
  service_id: string;
  calls: number;
  successes: number;
  vf: number;
  cf: number;
  inf: number;
  /** The window's stored source names, comma-joined (core listSources orders, dedupes and normalises them). */
  sources: string;
  days: string[];
  day_calls: number[];
  day_successes: number[];
}

interface MapRow {
  service_id: string;
  map: "h" | "e";
  counts: Record<string, number>;
}

interface ServiceRow {
  id: string;
  name_en: string;
  name_ja: string | null;
  vendor: string;
  category: string;
  auth_method: string;
  declared: unknown;
  grade: string | null;
  score: number | null;
  score_before_caps: number | null;
  provisional: boolean | null;
  partial: boolean | null;
  methodology_version: string | null;
  computed_at: Date | null;
  grade_source: string | null;
  last_probed_at: Date | null;
  grade_checks: unknown;
  grade_credential_mode: string | null;
  future_grade: string | null;
  future_score: number | null;
  future_version: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
