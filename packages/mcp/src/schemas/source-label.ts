// The data-source label every answer carries. Which sources are simulated is core's rule (isSimulated);
// what is added here is the sentence an agent reads, so it never takes sandbox figures for a measurement.
import { assertNever, combineSources, DataSource, dataSourceOrder, isSimulated, listSources } from "@kensa/core";
import { z } from "zod";

export const SourceLabel = z.object({
  source: DataSource.nullable().describe("the label of the figures combined (the least measured source among them); null when there are no figures"),
  sources: z.array(DataSource).describe(`every source behind the figures, in the order ${dataSourceOrder.join(", ")}`),
  simulated: z.boolean().describe("true when any figure comes from Kensa's simulated sandbox fleet: not a measurement of the vendor's server"),
  label: z.string().describe("the label in words"),
}).describe("where the figures come from");
export type SourceLabel = z.infer<typeof SourceLabel>;

/** The label in words; every source has one (a new source fails to compile until it is worded here). */
export function sourceSentence(source: DataSource | null): string {
  if (source === null) return "no figures yet";
  switch (source) {
    case "live": return "live: observed by Kensa on the vendor's published endpoint";
    case "package": return "package: observed by Kensa running the vendor's own published package (pinned version, dummy configuration, network cut) — findings, not a reliability measurement";
    case "sandbox": return "sandbox: SIMULATED by Kensa's sandbox fleet, not a measurement of the vendor's server";
    default: return assertNever(source);
  }
}

/** The label of figures from these stored source names (null or undefined entries are "no figure"). */
export function sourceLabel(...stored: readonly (string | null | undefined)[]): SourceLabel {
  const present = stored.filter((s): s is string => typeof s === "string");
  const source = combineSources(...present);
  return { source, sources: listSources(present), simulated: isSimulated(present), label: sourceSentence(source) };
}
