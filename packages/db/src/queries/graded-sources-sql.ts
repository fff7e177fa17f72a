// Which stored runs enter rollups and grades, in SQL, generated from core's data-source table: a run whose
// source is findings-only (a `package` run: the vendor's published server with dummy configuration) is
// never traffic. A stored name Kensa does not know counts as graded, as simulated (core normaliseSource).
import { dataSourceOrder, isGradedSource } from "@kensa/core";

const findingsOnly = dataSourceOrder.filter((s) => !isGradedSource(s));

/** A SQL condition on a source column: true for runs that are rolled up and graded. */
export function gradedSourceSql(column: string): string {
  return findingsOnly.length === 0 ? "true" : `${column} NOT IN (${findingsOnly.map((s) => `'${s}'`).join(", ")})`;
}
