// A chart with its caption and the same numbers as a table behind a disclosure: the chart is for the eye,
// the table for screen readers, keyboards and anyone who wants the exact figures.
import type { ReactNode } from "react";
import { SeriesChart, type SeriesChartProps } from "./charts/series-chart";

interface Props {
  title: string;
  tableLabel: string;
  xLabel: string;
  chart: SeriesChartProps;
  cell: (v: string | number | null) => ReactNode;
  /** The section heading already says what the chart is: keep the caption for assistive technology only. */
  captionHidden?: boolean;
}

export function ChartFigure({ title, tableLabel, xLabel, chart, cell, captionHidden }: Props) {
  return (
    <figure className="chart-figure">
      <figcaption className={captionHidden ? "visually-hidden" : undefined}>{title}</figcaption>
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

/** A success-rate axis from just below the lowest value to 100%: the interesting band, without overflow. */
export function rateDomain(values: (number | null | undefined)[]): [number, number] {
  const known = values.filter((v): v is number => typeof v === "number");
  const low = known.length ? Math.min(...known) : 0;
  return [Math.max(0, Math.floor(low * 10 - 0.5) / 10), 1];
}
