// Deterministic randomness: every stream is named (seed, service, path…), so one service's draws never
// depend on how many requests another service received.
import { createHash } from "node:crypto";
import { mulberry32, type Random } from "@kensa/core";

export { mulberry32, type Random };

export function streamSeed(...parts: (string | number)[]): number {
  return createHash("sha256").update(parts.join("\u0000")).digest().readUInt32LE(0);
}

export function stream(...parts: (string | number)[]): Random {
  return mulberry32(streamSeed(...parts));
}

/** A deterministic secret-looking string for (seed, parts). */
export function derivedSecret(seed: number, ...parts: string[]): string {
  return createHash("sha256").update(["kensa-sandbox", seed, ...parts].join("\u0000")).digest("base64url").slice(0, 32);
}

/** A log-normal sample with the given median and 95th percentile. */
export function logNormal(random: Random, medianMs: number, p95Ms: number): number {
  if (medianMs <= 0) return 0;
  const sigma = Math.log(Math.max(p95Ms, medianMs) / medianMs) / 1.6448536;
  const u1 = Math.max(random(), 1e-12);
  const u2 = random();
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return medianMs * Math.exp(sigma * z);
}
