// A server-rendered success-rate sparkline: no client JavaScript for 50–250 leaderboard rows.
export function Sparkline({ points, label, width = 96, height = 24 }: { points: (number | null)[]; label: string; width?: number; height?: number }) {
  const known = points.map((p, i) => ({ p, i })).filter((x): x is { p: number; i: number } => x.p !== null);
  if (known.length === 0) return <span className="muted">—</span>;
  const lo = Math.min(0.8, ...known.map((k) => k.p));
  const x = (i: number) => (points.length <= 1 ? width / 2 : (i / (points.length - 1)) * (width - 2) + 1);
  const y = (p: number) => height - 2 - ((p - lo) / (1 - lo || 1)) * (height - 4);
  const d = known.map((k, n) => `${n === 0 ? "M" : "L"}${x(k.i).toFixed(1)},${y(k.p).toFixed(1)}`).join("");
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
