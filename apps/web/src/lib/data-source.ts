// Where figures come from, as the API and pages label them. PRODUCT.md: simulated data is labelled wherever
// it is shown, so a source we do not recognise counts as sandbox (never passed off as live).
import type { DataSource } from "../api/schemas";

const order: readonly DataSource[] = ["live", "sandbox"];

/** The distinct sources among stored source names, live before sandbox. */
export function dataSources(stored: Iterable<string>): DataSource[] {
  const seen = new Set<DataSource>();
  for (const s of stored) seen.add(s === "live" ? "live" : "sandbox");
  return order.filter((s) => seen.has(s));
}
