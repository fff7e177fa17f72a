// Reported outcomes (reported_outcome): what agents said about calls they made. Kept apart from probe runs
// and rollups so no observed figure can ever include them. Idempotent per (reporter token, report id); the
// use case's rate limits count rows here per fixed window, as the re-probe limits count audit rows: the
// database is where this repo keeps its limits (Redis carries only the job queue).
import { reportedLabel, reportedReporterFloor, type ErrorClass, type ReportChannel, type ReportedSummary, type ServiceUrls } from "@kensa/core";
import type { Database } from "../open-database";
import { prismaOf } from "../prisma-of";

export interface ReportedOutcomeRow {
  reporterTokenId: string;
  reportId: string;
  serviceId: string;
  success: boolean;
  latencyMs: number;
  errorClass: ErrorClass | null;
  protocolEra: string | null;
  method: string | null;
  workaround: string | null;
  channel: ReportChannel;
  receivedAt: Date;
}

export interface StoredReport {
  /** False when this reporter had already stored this report id: nothing was written. */
  stored: boolean;
  serviceId: string;
  receivedAt: Date;
}

/** Stores the report unless this token already stored its id (a replay, or a concurrent duplicate). */
export async function storeReportedOutcome(db: Database, row: ReportedOutcomeRow): Promise<StoredReport> {
  const prisma = prismaOf(db);
  const { count } = await prisma.reportedOutcome.createMany({ data: [row], skipDuplicates: true });
  const kept = await prisma.reportedOutcome.findUniqueOrThrow({
    where: { reporterTokenId_reportId: { reporterTokenId: row.reporterTokenId, reportId: row.reportId } },
    select: { serviceId: true, receivedAt: true },
  });
  return { stored: count === 1, ...kept };
}

export function findReportedOutcome(db: Database, reporterTokenId: string, reportId: string) {
  return prismaOf(db).reportedOutcome.findUnique({
    where: { reporterTokenId_reportId: { reporterTokenId, reportId } },
    select: { serviceId: true, receivedAt: true },
  });
}

/** Reports received since an instant, by one reporter and/or about one service: the rate limits' counter. */
export function countReportedSince(db: Database, filter: { since: Date; reporterTokenId?: string; serviceId?: string }): Promise<number> {
  return prismaOf(db).reportedOutcome.count({
    where: {
      receivedAt: { gte: filter.since },
      ...(filter.reporterTokenId !== undefined ? { reporterTokenId: filter.reporterTokenId } : {}),
      ...(filter.serviceId !== undefined ? { serviceId: filter.serviceId } : {}),
    },
  });
}

export function countReportedOutcomes(db: Database, filter: { serviceId?: string; reporterTokenId?: string } = {}): Promise<number> {
  return prismaOf(db).reportedOutcome.count({ where: filter });
}

interface SummaryRow {
  reports: number;
  successes: number;
  reporters: number;
  p50: number | null;
  mcp: number;
  otlp: number;
}

/** Reported figures for one service over the last `windowDays`, labelled reported; for the page, the API and MCP get_service. */
export async function readReportedSummary(db: Database, serviceId: string, options: { windowDays?: number; now?: Date; workarounds?: number } = {}): Promise<ReportedSummary> {
  const windowDays = options.windowDays ?? 30;
  const since = new Date((options.now ?? new Date()).getTime() - windowDays * 86_400_000);
  const prisma = prismaOf(db);
  const [[totals], errors, workarounds] = await Promise.all([
    prisma.$queryRawUnsafe<SummaryRow[]>(
      `SELECT count(*)::int AS reports, (count(*) FILTER (WHERE success))::int AS successes,
              count(DISTINCT reporter_token_id)::int AS reporters,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms)::float8 AS p50,
              (count(*) FILTER (WHERE channel = 'mcp'))::int AS mcp, (count(*) FILTER (WHERE channel = 'otlp'))::int AS otlp
       FROM reported_outcome WHERE service_id = $1 AND received_at >= $2`,
      serviceId, since,
    ),
    prisma.reportedOutcome.groupBy({ by: ["errorClass"], where: { serviceId, receivedAt: { gte: since }, success: false, errorClass: { not: null } }, _count: { _all: true } }),
    prisma.reportedOutcome.findMany({
      where: { serviceId, receivedAt: { gte: since }, workaround: { not: null } },
      orderBy: { receivedAt: "desc" },
      take: options.workarounds ?? 5,
      select: { workaround: true, errorClass: true, receivedAt: true },
    }),
  ]);
  const t = totals ?? { reports: 0, successes: 0, reporters: 0, p50: null, mcp: 0, otlp: 0 };
  return {
    source: reportedLabel,
    windowDays,
    reports: t.reports,
    successes: t.successes,
    successRate: t.reports > 0 ? t.successes / t.reports : null,
    distinctReporters: t.reporters,
    p50Ms: t.p50 === null ? null : Math.round(t.p50),
    errorCounts: Object.fromEntries(errors.map((e) => [e.errorClass!, e._count._all])),
    byChannel: { mcp: t.mcp, otlp: t.otlp },
    aboveFloor: t.reporters >= reportedReporterFloor,
    recentWorkarounds: workarounds.map((w) => ({ text: w.workaround!, errorClass: (w.errorClass as ErrorClass | null) ?? null, receivedAt: w.receivedAt.toISOString() })),
  };
}

/** Each active service's endpoint and vendor-owned remote server URLs: OTLP spans name a host, not a service. */
export async function readServiceUrls(db: Database): Promise<ServiceUrls[]> {
  const rows = await prismaOf(db).$queryRawUnsafe<{ id: string; endpoint: string | null; servers: string[] | null }[]>(
    `SELECT id, catalogue->'endpoint'->>'url' AS endpoint,
            ARRAY(SELECT s->>'url' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(catalogue->'servers') = 'array' THEN catalogue->'servers' ELSE '[]'::jsonb END) s
                  WHERE s->>'kind' = 'remote' AND s->>'owner' = 'vendor' AND s->>'url' IS NOT NULL) AS servers
     FROM service WHERE active ORDER BY id`,
  );
  return rows.map((r) => ({ id: r.id, urls: [r.endpoint, ...(r.servers ?? [])] }));
}
