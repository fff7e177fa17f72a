// GET /api/v1/export.csv — the leaderboard (or a shortlist via ids=) as CSV: every matching row, unpaged,
// the same values as /api/v1/services returns for the same filters.
import type { Database } from "@kensa/db";
import { loadLeaderboard } from "../../data/leaderboard";
import type { SummaryRow } from "../../data/service-summary";
import { toCsv, type Cell } from "../../lib/csv";
import { filterParams } from "../leaderboard-params";
import { parseParams } from "../query-params";
import { badRequest, cachePolicy } from "../respond";

export const csvColumns: [string, (r: SummaryRow) => Cell][] = [
  ["id", (r) => r.id],
  ["name_en", (r) => r.name.en],
  ["name_ja", (r) => r.name.ja],
  ["vendor", (r) => r.vendor],
  ["category", (r) => r.category],
  ["auth_method", (r) => r.authMethod],
  ["auth_shown", (r) => r.auth.method],
  ["auth_basis", (r) => r.auth.basis],
  ["sso", (r) => r.sso],
  ["iac", (r) => r.iac],
  ["source", (r) => r.source],
  ["grade", (r) => r.grade?.grade],
  ["score", (r) => r.grade?.score],
  ["score_before_caps", (r) => r.grade?.scoreBeforeCaps],
  ["provisional", (r) => r.grade?.provisional],
  ["coverage", (r) => r.grade?.coverage],
  ["methodology_version", (r) => r.grade?.methodologyVersion],
  ["graded_at", (r) => r.grade?.computedAt],
  ["window_days", (r) => r.window.days],
  ["calls", (r) => r.window.calls],
  ["successes", (r) => r.window.successes],
  ["success_rate", (r) => r.window.successRate],
  ["vendor_failures", (r) => r.window.vendorFailures],
  ["p50_ms", (r) => r.window.p50Ms],
  ["p95_ms", (r) => r.window.p95Ms],
  ["p99_ms", (r) => r.window.p99Ms],
  ["last_probed_at", (r) => r.lastProbedAt],
  // Observed from the vendor's own package (source "package"): apart from the graded, possibly simulated, figures above.
  ["package_source", (r) => r.packageEvidence?.source],
  ["package_name", (r) => r.packageEvidence?.package.name],
  ["package_version", (r) => r.packageEvidence?.package.version],
  ["package_observed_at", (r) => r.packageEvidence?.observedAt],
  ["package_started", (r) => r.packageEvidence?.started],
  ["package_startup_ms", (r) => r.packageEvidence?.startupMs],
  ["package_protocol_version", (r) => r.packageEvidence?.protocolVersion],
  ["package_tools", (r) => r.packageEvidence?.tools],
  ["package_unauthenticated_call", (r) => r.packageEvidence?.unauthenticatedCall],
  ["package_error_actionability", (r) => r.packageEvidence?.errorActionability],
];

export async function exportCsvHandler(db: Database, url: URL): Promise<Response> {
  const parsed = parseParams(filterParams, url.searchParams);
  if (!parsed.ok) return badRequest(parsed.issues);
  const board = await loadLeaderboard(db, parsed.value);
  const csv = toCsv(csvColumns.map(([name]) => name), board.rows.map((r) => csvColumns.map(([, get]) => get(r))));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="kensa-services-${board.asOf ?? "empty"}.csv"`,
      "Cache-Control": cachePolicy.live,
    },
  });
}
