// The population over time, for analysts: per category success and error mix (grouped in SQL from daily
// rollups), the grade distribution as of given days and score movers (one index lookup per service and day).
import type { Database } from "../open-database";
import { prismaOf } from "../prisma-of";
import { dayString } from "./record-runs";

export interface CategoryDay {
  category: string;
  day: string;
  calls: number;
  successes: number;
  vendorFailures: number;
}

export async function readCategoryDaily(db: Database, range: { from: string; to: string }): Promise<CategoryDay[]> {
  const rows = await prismaOf(db).$queryRawUnsafe<{ category: string; day: Date | string; calls: number; successes: number; vf: number }[]>(
    `SELECT s.category, r.day, sum(r.calls)::int AS calls, sum(r.successes)::int AS successes, sum(r.vendor_failures)::int AS vf
     FROM daily_rollup r JOIN service s ON s.id = r.service_id
     WHERE r.day BETWEEN $1::date AND $2::date AND s.active
     GROUP BY s.category, r.day ORDER BY s.category, r.day`,
    range.from,
    range.to,
  );
  return rows.map((r) => ({ category: r.category, day: dayString(r.day), calls: r.calls, successes: r.successes, vendorFailures: r.vf }));
}

export interface CategoryErrorWeek {
  category: string;
  /** Monday of the ISO week, YYYY-MM-DD. */
  week: string;
  errorClass: string;
  count: number;
}

export async function readCategoryErrorMix(db: Database, range: { from: string; to: string }): Promise<CategoryErrorWeek[]> {
  const rows = await prismaOf(db).$queryRawUnsafe<{ category: string; week: Date | string; error_class: string; n: number }[]>(
    `SELECT s.category, date_trunc('week', r.day)::date AS week, e.key AS error_class, sum(e.value::int)::int AS n
     FROM daily_rollup r JOIN service s ON s.id = r.service_id, jsonb_each_text(r.error_counts) e
     WHERE r.day BETWEEN $1::date AND $2::date AND s.active
     GROUP BY s.category, week, e.key ORDER BY s.category, week, e.key`,
    range.from,
    range.to,
  );
  return rows.map((r) => ({ category: r.category, week: dayString(r.week), errorClass: r.error_class, count: r.n }));
}

/** For each day given, how many active services held each grade at the end of that day. */
export async function readGradeDistributionAt(db: Database, days: readonly string[]): Promise<{ day: string; grade: string; count: number }[]> {
  if (days.length === 0) return [];
  const rows = await prismaOf(db).$queryRawUnsafe<{ day: Date | string; grade: string; n: number }[]>(
    `SELECT d.day, g.grade, count(*)::int AS n
     FROM unnest($1::date[]) AS d(day)
     CROSS JOIN service s
     CROSS JOIN LATERAL (SELECT grade FROM grade_snapshot
                         WHERE service_id = s.id AND computed_at < d.day + 1
                         ORDER BY computed_at DESC LIMIT 1) g
     WHERE s.active
     GROUP BY d.day, g.grade ORDER BY d.day, g.grade`,
    [...days],
  );
  return rows.map((r) => ({ day: dayString(r.day), grade: r.grade, count: r.n }));
}

export interface ScoreMove {
  serviceId: string;
  nameEn: string;
  nameJa: string | null;
  category: string;
  grade: string;
  score: number;
  previousGrade: string;
  previousScore: number;
}

/** Each graded service's newest score as of `to` against its newest as of `from`. */
export async function readScoreMoves(db: Database, range: { from: string; to: string }): Promise<ScoreMove[]> {
  const rows = await prismaOf(db).$queryRawUnsafe<{ id: string; name_en: string; name_ja: string | null; category: string; grade: string; score: number; prev_grade: string; prev_score: number }[]>(
    `SELECT s.id, s.name_en, s.name_ja, s.category, now_g.grade, now_g.score, then_g.grade AS prev_grade, then_g.score AS prev_score
     FROM service s
     CROSS JOIN LATERAL (SELECT grade, score FROM grade_snapshot WHERE service_id = s.id AND computed_at < $2::date + 1
                         ORDER BY computed_at DESC LIMIT 1) now_g
     CROSS JOIN LATERAL (SELECT grade, score FROM grade_snapshot WHERE service_id = s.id AND computed_at < $1::date + 1
                         ORDER BY computed_at DESC LIMIT 1) then_g
     WHERE s.active`,
    range.from,
    range.to,
  );
  return rows.map((r) => ({ serviceId: r.id, nameEn: r.name_en, nameJa: r.name_ja, category: r.category, grade: r.grade, score: r.score, previousGrade: r.prev_grade, previousScore: r.prev_score }));
}

export interface ObservedAuthAdoption {
  /** Services whose authorization-server check ran in the range. */
  checked: number;
  /** …of which an OAuth authorization server's metadata was found (pass, or fail on its contents). */
  oauth: number;
  /** …of which the server advertised the enterprise-managed authorization profile (ID-JAG). */
  idJag: number;
  sources: string[];
}

/** What the readiness checks saw, per service its latest authorization-server check since `since`. */
export async function readObservedAuthAdoption(db: Database, since: Date): Promise<ObservedAuthAdoption> {
  const rows = await prismaOf(db).$queryRawUnsafe<{ verdict: string | null; found: boolean | null; id_jag: boolean | null; source: string }[]>(
    `SELECT DISTINCT ON (s.service_id) s.evidence -> 'check' ->> 'verdict' AS verdict,
            (s.evidence -> 'check' -> 'facts' ->> 'found')::boolean AS found,
            (s.evidence -> 'check' -> 'facts' ->> 'idJag')::boolean AS id_jag, r.source
     FROM probe_step s JOIN probe_run r ON r.id = s.run_id JOIN service v ON v.id = s.service_id
     WHERE s.kind = 'check' AND s.name = 'check:authorization_server' AND s.started_at >= $1::timestamptz AND v.active
     ORDER BY s.service_id, s.started_at DESC`,
    since.toISOString(),
  );
  // The check fails with found=false when a server demands auth but names no authorization server (API keys).
  const applied = rows.filter((r) => (r.verdict === "pass" || r.verdict === "fail") && r.found !== false);
  return {
    checked: rows.filter((r) => r.verdict !== "inconclusive").length,
    oauth: applied.length,
    idJag: applied.filter((r) => r.id_jag === true).length,
    sources: [...new Set(rows.map((r) => r.source))].sort(),
  };
}

/** Runs per UTC day, source and protocol posture: what the handshake found (ProbeRunSummary.protocolEra / eras):
 * "dual" when the server answered in both eras, "unknown" when no handshake succeeded. Package runs (stdio,
 * the vendor's own package) are findings of another kind and left out. */
export interface ProtocolEraDay {
  day: string;
  source: string;
  posture: "initialize" | "dual" | "modern" | "unknown";
  runs: number;
}

export async function readProtocolEraDaily(db: Database, since: Date): Promise<ProtocolEraDay[]> {
  const rows = await prismaOf(db).$queryRawUnsafe<{ day: string; source: string; posture: ProtocolEraDay["posture"]; runs: number }[]>(
    `SELECT to_char(r.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, r.source,
            CASE WHEN r.summary ->> 'protocolEra' IS NULL THEN 'unknown'
                 WHEN jsonb_array_length(COALESCE(r.summary -> 'eras', '[]'::jsonb)) > 1 THEN 'dual'
                 ELSE r.summary ->> 'protocolEra' END AS posture,
            count(*)::int AS runs
     FROM probe_run r JOIN service v ON v.id = r.service_id
     WHERE r.started_at >= $1::timestamptz AND v.active AND r.source <> 'package'
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    since.toISOString(),
  );
  return rows.map((r) => ({ day: r.day, source: r.source, posture: r.posture, runs: r.runs }));
}
