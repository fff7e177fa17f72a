// The service's history as three charts: success rate, latency percentiles, error classes (stacked).
import { allErrorClasses } from "@kensa/core";
import type { HistoryPoint } from "../api/schemas";
import type { Messages } from "../i18n/messages-en";
import { ms, percent } from "../lib/format";
import { errorClassColor } from "../lib/palette";
import { ChartFigure, rateDomain } from "./chart-figure";

export function ServiceCharts({ points, t }: { points: HistoryPoint[]; t: Messages }) {
  const v = t.service;
  const x = (p: HistoryPoint) => (p.start === p.end ? p.start.slice(5) : `${p.start.slice(5)}–${p.end.slice(5)}`);
  const classes = allErrorClasses.filter((c) => points.some((p) => (p.errorCounts[c] ?? 0) > 0));
  return (
    <div className="grid-2" data-testid="service-charts">
      <ChartFigure title={v.successTrend} tableLabel={v.dataTable} xLabel={v.day} cell={(c) => percent(c as number | null)}
        chart={{ kind: "line", format: "percent", xKey: "x", label: v.successTrend, yDomain: rateDomain(points.map((p) => p.successRate)),
          data: points.map((p) => ({ x: x(p), successRate: p.successRate })),
          series: [{ key: "successRate", label: v.successTrend, color: "#0b5cad" }] }} />
      <ChartFigure title={v.latency} tableLabel={v.dataTable} xLabel={v.day} cell={(c) => (typeof c === "number" ? ms(c) : "—")}
        chart={{ kind: "line", format: "ms", xKey: "x", label: v.latency,
          data: points.map((p) => ({ x: x(p), p50: p.p50Ms, p95: p.p95Ms, p99: p.p99Ms })),
          series: [{ key: "p50", label: "p50", color: "#1a7f37" }, { key: "p95", label: "p95", color: "#b35900" }, { key: "p99", label: "p99", color: "#b91c1c" }] }} />
      <ChartFigure title={v.errorClasses} tableLabel={v.dataTable} xLabel={v.day} cell={(c) => String(c ?? 0)}
        chart={{ kind: "stacked-bar", format: "count", xKey: "x", label: v.errorClasses,
          data: points.map((p) => ({ x: x(p), ...Object.fromEntries(classes.map((c) => [c, p.errorCounts[c] ?? 0])) })),
          series: classes.map((c) => ({ key: c, label: c, color: errorClassColor[c] })) }} />
    </div>
  );
}
