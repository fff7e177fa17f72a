// The evidence's fingerprint: sha256 of canonical JSON (object keys sorted, undefined members dropped),
// so the same evidence hashes the same whatever order its keys were built in.
import { createHash } from "node:crypto";
import type { GradeEvidence } from "./evidence";

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError(`canonical JSON has no ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function evidenceHash(evidence: GradeEvidence): string {
  return createHash("sha256").update(canonicalJson(evidence)).digest("hex");
}
