// The port the server reads through. The leaderboard's filtering, summary rows, service detail and history
// bucketing live in the dashboard's data layer today (apps/web/src/data); the dashboard implements this
// port with those same functions, so an agent and a reader of the page see the same services and figures.
import type { AuthMethod, Coverage, DataSource, ErrorClass, Grade, GradeReport, ReportedSummary, ServiceCategory, ShownAuthMethod } from "@kensa/core";

export const windowChoices = [7, 30, 90] as const;
export type WindowDays = (typeof windowChoices)[number];

/** The leaderboard's filters as search_services takes them (every list empty = no filter). */
export interface ServiceSearch {
  query: string | undefined;
  category: ServiceCategory[];
  grade: (Grade | "ungraded")[];
  auth: AuthMethod[];
  sso: boolean | undefined;
  iac: boolean | undefined;
  source: DataSource | undefined;
  window: WindowDays;
  page: number;
  pageSize: number;
}

/** One service as the leaderboard shows it: newest grade and the window's figures from daily rollups. */
export interface ServiceRow {
  id: string;
  name: { en: string; ja: string | null };
  vendor: string;
  category: string;
  auth: ShownAuthMethod;
  sso: boolean;
  iac: boolean;
  /** Label of everything shown for the row (grade and window figures combined). */
  source: DataSource | null;
  grade: {
    grade: Grade; score: number; scoreBeforeCaps: number; provisional: boolean; coverage: Coverage; methodologyVersion: string; computedAt: string;
    future: { grade: Grade; score: number; methodologyVersion: string } | null;
  } | null;
  window: {
    days: number;
    from: string;
    to: string;
    calls: number;
    successes: number;
    successRate: number | null;
    p95Ms: number | null;
    errorCounts: Partial<Record<ErrorClass, number>>;
  };
  lastProbedAt: string | null;
}

export interface ServicePage {
  asOf: string | null;
  total: number;
  page: number;
  pages: number;
  rows: ServiceRow[];
}

export interface ServiceFacts extends ServiceRow {
  /** The newest grade snapshot's full report (axes with evidence, caps, fixes, next grade); null when ungraded. */
  report: GradeReport | null;
  declared: { name: string; value: boolean | "unknown"; source: string | null }[];
  /** What the newest probe run negotiated; nulls where it was not recorded. */
  protocol: { era: string | null; version: string | null };
  /** What agents reported about their own calls: shown beside, never blended into, the observed figures. */
  reported: ReportedSummary;
}

export interface TrendPoint {
  start: string;
  end: string;
  calls: number;
  successes: number;
  successRate: number | null;
  p95Ms: number | null;
  errorCounts: Partial<Record<ErrorClass, number>>;
  sources: DataSource[];
}

export interface Trend {
  from: string;
  to: string;
  /** The services whose rollups the points sum. */
  serviceIds: string[];
  points: TrendPoint[];
}

export interface KensaReads {
  searchServices(search: ServiceSearch): Promise<ServicePage>;
  service(id: string): Promise<ServiceFacts | null>;
  /** Every active service's id, sorted: the valid choices an unknown id is answered with. */
  serviceIds(): Promise<string[]>;
  /** Weekly points over the last `weeks` weeks up to the newest rollup day; null for an unknown service. */
  serviceTrend(id: string, weeks: number): Promise<Trend | null>;
  /** The same for every active service of a category; null when the category has no active service. */
  categoryTrend(category: ServiceCategory, weeks: number): Promise<Trend | null>;
  /** The methodology document this deployment grades with (docs/methodology.md); null when not shipped. */
  methodologyDocument(): Promise<string | null>;
}
