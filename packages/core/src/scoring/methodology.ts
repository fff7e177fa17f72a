// Every number of the AEO methodology in one place. docs/methodology.md explains each one; a change to
// any of them (or to a rule in axes/ or caps.ts) is a new Methodology with a changelog entry. A version
// can be staged before it is current: every grade then also shows what it will be (GradeReport.future).
import { z } from "zod";
import type { Grade } from "./grade";

export const AxisName = z.enum(["reliability", "auth", "gateway", "audit", "portability", "tools"]);
export type AxisName = z.infer<typeof AxisName>;

export const axisLabels: Record<AxisName, string> = {
  reliability: "Reliability",
  auth: "Auth & SSO readiness",
  gateway: "Gateway compatibility",
  audit: "Audit-log consistency",
  portability: "Config portability / IaC",
  tools: "Tool definitions (agent usability)",
};

/** One published version of the rules: what differs between versions lives here (items: item-versions.ts). */
export interface Methodology {
  version: string;
  /** Percent of the total; 0 for an axis the version does not judge. Untested gateway weight folds into
   * reliability (only Kensa decides to probe through one). */
  axisWeights: Readonly<Record<AxisName, number>>;
  /** The day a staged version is planned to become current (YYYY-MM-DD), null once it is. */
  effectiveFrom: string | null;
}

export const methodology_1_1_2: Methodology = {
  version: "1.1.2",
  axisWeights: { reliability: 45, auth: 25, gateway: 15, audit: 10, portability: 5, tools: 0 },
  effectiveFrom: null,
};

/** Same weights and items as 1.1.2; partial grades (coverage.ts): a server probed without a working credential of
 * ours is graded on what could be observed, reliability not tested, under a ceiling (docs/methodology.md §5). */
export const methodology_1_1_3: Methodology = {
  version: "1.1.3",
  axisWeights: methodology_1_1_2.axisWeights,
  effectiveFrom: null,
};

/** Tool definitions become an axis of their own; reliability gives it 5 (docs/methodology.md, 1.2). */
export const methodology_1_2_0: Methodology = {
  version: "1.2.0",
  axisWeights: { reliability: 40, auth: 25, gateway: 15, audit: 10, portability: 5, tools: 5 },
  effectiveFrom: "2027-01-15",
};

/** What grades are computed under. */
export const currentMethodology: Methodology = methodology_1_1_3;
/** The next version while it is staged (every grade also shows its future under it), else null. Promoting it is
 * two lines: currentMethodology = it (with effectiveFrom null), stagedMethodology = null. */
export const stagedMethodology: Methodology | null = methodology_1_2_0;

export const METHODOLOGY_VERSION = currentMethodology.version;
/** The current version's weights. */
export const axisWeights: Readonly<Record<AxisName, number>> = currentMethodology.axisWeights;

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

/** Tool-definition quality (the tools axis, from 1.2.0). */
export const toolDefinitionRules = {
  /** A description shorter than this after trimming, or one that only restates the name, tells an agent nothing. */
  minDescriptionChars: 20,
  /** The list-size estimate: characters of the tools/list result's JSON per token (a common rule of thumb). */
  charsPerToken: 4,
  /** Estimated tokens of the whole list at or under which it costs nothing … */
  fullPointsAtTokens: 5000,
  /** … and each doubling above it costs a third: 40,000 tokens earn nothing. */
  doublingsToZero: 3,
};

/** The highest grade a partial grade (coverage.ts) can show: the grade fewer than 30 successful calls allow. */
export const partialCeiling = "A" as const satisfies Grade;
