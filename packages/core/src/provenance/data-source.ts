// Where a figure comes from, and which label figures combined from several sources carry. PRODUCT.md:
// simulated data is labelled wherever it is shown, so the rule is one ordered table. Sources are listed
// from most to least like a measurement of the vendor's own server; combined figures carry the label of
// the source listed LAST among them (one simulated run makes a rollup simulated), and lists of sources are
// shown in this order. Adding a source is adding its row here.
import { z } from "zod";

export const dataSourceOrder = [
  "live",    // Kensa probed the vendor's real server
  "package", // Kensa ran the vendor's own published package (pinned name@version) isolated over stdio, without a vendor account
  "sandbox", // Kensa probed a simulated server: never shown as a measurement
] as const;

export const DataSource = z.enum(dataSourceOrder);
export type DataSource = z.infer<typeof DataSource>;

/** What a stored name Kensa does not recognise counts as: never pass simulated figures off as observed. */
export const unknownSource: DataSource = "sandbox";

const rank = (source: DataSource): number => dataSourceOrder.indexOf(source);

/** A stored source name as a DataSource (exact spelling; anything else is `unknownSource`). */
export function normaliseSource(stored: string): DataSource {
  const parsed = DataSource.safeParse(stored);
  return parsed.success ? parsed.data : unknownSource;
}

/** The label of figures combined from these sources; null or undefined is "no figure". Null when there are none. */
export function combineSources(first: string, ...rest: readonly (string | null | undefined)[]): DataSource;
export function combineSources(...sources: readonly (string | null | undefined)[]): DataSource | null;
export function combineSources(...sources: readonly (string | null | undefined)[]): DataSource | null {
  let combined: DataSource | null = null;
  for (const stored of sources) {
    if (stored === null || stored === undefined) continue;
    const source = normaliseSource(stored);
    if (combined === null || rank(source) > rank(combined)) combined = source;
  }
  return combined;
}

/** Sources whose figures come from Kensa's own simulation: labelled as simulated wherever they are shown. */
const simulated: ReadonlySet<DataSource> = new Set<DataSource>(["sandbox"]);

/** True when figures from this source (or any of these sources) are simulated, not a measurement. A stored name
 * Kensa does not recognise counts as simulated (normaliseSource); no source at all is no figure, not a simulation. */
export function isSimulated(source: string | readonly string[] | null | undefined): boolean {
  if (source === null || source === undefined) return false;
  const sources = typeof source === "string" ? [source] : source;
  return sources.some((s) => simulated.has(normaliseSource(s)));
}

/** The distinct sources among stored names, in table order. */
export function listSources(stored: Iterable<string>): DataSource[] {
  const seen = new Set<DataSource>();
  for (const s of stored) seen.add(normaliseSource(s));
  return dataSourceOrder.filter((s) => seen.has(s));
}

/**
 * Sources whose runs are findings about the server as published, shown on their own, and never summed into
 * daily rollups, reliability or grades: a package runs with dummy configuration and its network cut, so its
 * calls cannot succeed for reasons of ours — its traffic says nothing about the vendor's service.
 */
const findingsOnly: ReadonlySet<DataSource> = new Set<DataSource>(["package"]);

/** True when runs from this stored source enter daily rollups and grades (a stored name Kensa does not know does: as simulated). */
export function isGradedSource(source: string): boolean {
  return !findingsOnly.has(normaliseSource(source));
}

/** The sources whose runs are rolled up and graded, in table order: SQL filters are generated from this. */
export const gradedSources: readonly DataSource[] = dataSourceOrder.filter((s) => !findingsOnly.has(s));
