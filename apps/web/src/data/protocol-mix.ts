// The MCP protocol mix over time: per UTC day, the share of probe runs whose server spoke only the initialize
// era, both eras (dual), or only 2026-07-28 (modern), plus runs where no handshake succeeded. Never blended
// across sources: each day's shares are of one source's runs, and the view names its sources so the page can
// label sandbox shares as simulated (the fleet's mix is drawn per service, core/sandbox/protocol-eras.ts).
import { readProtocolEraDaily, type Database, type ProtocolEraDay } from "@kensa/db";

export const protocolPostures = ["initialize", "dual", "modern", "unknown"] as const;
export type ProtocolPosture = (typeof protocolPostures)[number];

export interface ProtocolMixDay {
  day: string;
  source: string;
  runs: number;
  /** Share of the day's runs (of this source) per posture; they sum to 1. */
  shares: Record<ProtocolPosture, number>;
}

export interface ProtocolMix {
  days: ProtocolMixDay[];
  /** The sources the figures come from, e.g. ["sandbox"]: the page labels sandbox figures as simulated. */
  sources: string[];
}

export async function loadProtocolMix(db: Database, since: Date): Promise<ProtocolMix> {
  return protocolMixOf(await readProtocolEraDaily(db, since));
}

export function protocolMixOf(rows: readonly ProtocolEraDay[]): ProtocolMix {
  const byKey = new Map<string, { day: string; source: string; counts: Record<ProtocolPosture, number> }>();
  for (const r of rows) {
    const key = `${r.day}|${r.source}`;
    const entry = byKey.get(key) ?? { day: r.day, source: r.source, counts: { initialize: 0, dual: 0, modern: 0, unknown: 0 } };
    entry.counts[r.posture] += r.runs;
    byKey.set(key, entry);
  }
  const days = [...byKey.values()]
    .map(({ day, source, counts }) => {
      const runs = protocolPostures.reduce((sum, p) => sum + counts[p], 0);
      const shares = Object.fromEntries(protocolPostures.map((p) => [p, runs > 0 ? counts[p] / runs : 0])) as Record<ProtocolPosture, number>;
      return { day, source, runs, shares };
    })
    .sort((a, b) => a.day.localeCompare(b.day) || a.source.localeCompare(b.source));
  return { days, sources: [...new Set(days.map((d) => d.source))].sort() };
}
