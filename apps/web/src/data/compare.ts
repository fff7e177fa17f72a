// Two to five services side by side, and their daily histories merged onto one date axis for overlays.
import { readDailySeries, type Database } from "@kensa/db";
import { addDays } from "../lib/days";
import { bucketPoints } from "./history";
import { loadServiceDetail, type ServiceDetailView } from "./service-detail";

export const compareLimits = { min: 2, max: 5 };

export interface Comparison {
  services: ServiceDetailView[];
  unknown: string[];
  /** One row per day: { day, s0_rate, s0_p95, s1_rate, … } in the order of `services` (ids may hold dots, which charts read as paths). */
  overlay: Record<string, string | number | null>[];
}

export async function loadComparison(db: Database, ids: readonly string[], days = 90): Promise<Comparison> {
  const unique = [...new Set(ids)];
  const details = await Promise.all(unique.map((id) => loadServiceDetail(db, id)));
  const services = details.filter((d): d is ServiceDetailView => d !== null);
  const unknown = unique.filter((_, i) => details[i] === null);
  if (services.length === 0) return { services, unknown, overlay: [] };
  const to = services[0]!.window.to;
  const range = { from: addDays(to, -(days - 1)), to };
  const series = await readDailySeries(db, services.map((s) => s.id), range);
  const rows = new Map<string, Record<string, string | number | null>>();
  for (const [i, s] of services.entries()) {
    for (const p of bucketPoints(series.filter((x) => x.serviceId === s.id), "day", range)) {
      const row = rows.get(p.start) ?? { day: p.start };
      row[`s${i}_rate`] = p.successRate;
      row[`s${i}_p95`] = p.p95Ms;
      rows.set(p.start, row);
    }
  }
  return { services, unknown, overlay: [...rows.values()].sort((a, b) => String(a.day).localeCompare(String(b.day))) };
}
