// Every number of the AEO methodology in one place. docs/methodology.md explains each one; a change to
// any of them (or to a rule in axes/ or caps.ts) bumps METHODOLOGY_VERSION and gets a changelog entry.
import { z } from "zod";
import type { Grade } from "./grade";

export const METHODOLOGY_VERSION = "1.1.3";

export const AxisName = z.enum(["reliability", "auth", "gateway", "audit", "portability"]);
export type AxisName = z.infer<typeof AxisName>;

export const axisLabels: Record<AxisName, string> = {
  reliability: "Reliability",
  auth: "Auth & SSO readiness",
  gateway: "Gateway compatibility",
  audit: "Audit-log consistency",
  portability: "Config portability / IaC",
};

/** Percent of the total. Untested gateway weight folds into reliability (only Kensa decides to probe through one). */
export const axisWeights: Record<AxisName, number> = { reliability: 45, auth: 25, gateway: 15, audit: 10, portability: 5 };

/** Wilson score interval at 95% confidence. */
export const wilsonZ = 1.96;

/** Lower confidence bound of vendor success → share of the item's points; linear between anchors. */
export const successAnchors: readonly (readonly [bound: number, share: number])[] = [
  [0.5, 0],
  [0.8, 0.5],
  [0.9, 0.85],
  [0.95, 1],
];

export const latency = {
  /** p95 of successful calls at or under this earns full points … */
  fullPointsAtMs: 1000,
  /** … and each doubling above it costs a quarter: 16 s earns nothing. */
  doublingsToZero: 4,
};

/** Rates (per call answered) at which a rate-based item has lost all its points. */
export const rateToZero = {
  authExpired: 0.05,
  proseOnlyErrors: 0.05,
  protocolErrors: 0.02,
  gatewayAuthFailures: 0.05,
};

/** Evidence floors on successful calls in the window (all paths). */
export const evidenceFloors = { aaa: 100, aa: 30 };

/** Caps on the vendor-attributable success rate (point estimate; the lower bound already shapes the score). */
export const reliabilityCaps = { belowA: 0.9, belowBB: 0.75 };

/** The highest grade a partial grade (coverage.ts) can show: the grade fewer than 30 successful calls allow. */
export const partialCeiling = "A" as const satisfies Grade;
