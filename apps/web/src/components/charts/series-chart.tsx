"use client";
// One recharts component for every chart on the dashboard: lines (trends, percentiles, overlays) and
// stacked bars (error classes, grade distribution). Data arrives serialised from a server component;
// formats are named, not functions, because functions cannot cross the server/client boundary.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ValueFormat = "percent" | "ms" | "count";

export interface Series {
  key: string;
  label: string;
  color: string;
}

export interface SeriesChartProps {
  kind: "line" | "stacked-bar";
  data: Record<string, string | number | null>[];
  xKey: string;
  series: Series[];
  format: ValueFormat;
  label: string;
  /** Horizontal bars with the x key as categories down the side (category mixes). */
  horizontal?: boolean;
  height?: number;
  yDomain?: [number | "auto", number | "auto"];
}

function formatter(format: ValueFormat): (v: unknown) => string {
  return (v) => {
    if (typeof v !== "number") return "—";
    if (format === "percent") return `${(v * 100).toFixed(1)}%`;
    if (format === "ms") return `${Math.round(v)} ms`;
    return String(v);
  };
}

export function SeriesChart({ kind, data, xKey, series, format, label, horizontal, height = 260, yDomain }: SeriesChartProps) {
  const fmt = formatter(format);
  const dots = data.length <= 120;
  return (
    <div className="chart" style={{ height }} role="img" aria-label={label} data-testid="chart" data-points={data.length}>
      <ResponsiveContainer width="100%" height="100%">
        {kind === "line" ? (
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey={xKey} minTickGap={24} tick={{ fontSize: 11 }} />
            <YAxis tickFormatter={fmt} domain={yDomain ?? ["auto", "auto"]} allowDataOverflow={false} width={64} tick={{ fontSize: 11 }} />
            <Tooltip formatter={(v) => fmt(v)} />
            <Legend itemSorter={null} />
            {series.map((s) => (
              <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={dots ? { r: 2 } : false} connectNulls isAnimationActive={false} />
            ))}
          </LineChart>
        ) : (
          <BarChart data={data} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            {horizontal ? (
              <>
                <XAxis type="number" tickFormatter={fmt} tick={{ fontSize: 11 }} />
                <YAxis type="category" dataKey={xKey} width={130} interval={0} tick={{ fontSize: 11 }} />
              </>
            ) : (
              <>
                <XAxis dataKey={xKey} minTickGap={24} tick={{ fontSize: 11 }} />
                <YAxis tickFormatter={fmt} width={56} tick={{ fontSize: 11 }} />
              </>
            )}
            <Tooltip formatter={(v) => fmt(v)} />
            <Legend itemSorter={null} />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} stackId="stack" fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
