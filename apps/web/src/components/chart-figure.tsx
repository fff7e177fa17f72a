// A chart with its caption and the same numbers as a table behind a disclosure: the chart is for the eye,
// the table for screen readers, keyboards and anyone who wants the exact figures.
import type { ReactNode } from "react";
import { SeriesChart, type SeriesChartProps } from "./charts/series-chart";

export function ChartFigure({ title, tableLabel, xLabel, chart, cell }: { title: string; tableLabel: string; xLabel: string; chart: SeriesChartProps; cell: (v: string | number | null) => ReactNode }) {
  return (
    <figure className="chart-figure">
      <figcaption>{title}</figcaption>
      <SeriesChart {...chart} label={title} />
      <details>
        <summary>{tableLabel}</summary>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{xLabel}</th>
                {chart.series.map((s) => <th scope="col" key={s.key}>{s.label}</th>)}
              </tr>
            </thead>
            <tbody>
              {chart.data.map((row, i) => (
                <tr key={i}>
                  <th scope="row">{String(row[chart.xKey])}</th>
                  {chart.series.map((s) => <td className="num" key={s.key}>{cell(row[s.key] ?? null)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
