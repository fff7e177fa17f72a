// Gateway compatibility: does the server keep working when an intermediary sits in front of it? Judged on
// the gateway path alone — vendor-attributable success (Wilson bound) and authorization propagation — so
// more failures anywhere never raise it; the direct-path comparison is shown as facts.
import type { GradeEvidence, PathTraffic } from "../evidence";
import { percent, rateShare, scored, unscored, type AxisAssessment, type Item } from "../items";
import { rateToZero, successAnchors } from "../methodology";
import { countOf, describeCounts } from "../traffic-totals";
import { interpolate, wilsonLowerBound } from "../wilson";

export function assessGateway(e: GradeEvidence): AxisAssessment {
  const g = e.traffic.gateway;
  const d = e.traffic.direct;
  const items: Item[] = g === undefined
    ? [
        unscored("gateway", "vendor_success", 70, "Kensa has not probed this server through a gateway in this window.", ""),
        unscored("gateway", "auth_propagation", 30, "Kensa has not probed this server through a gateway in this window.", ""),
      ]
    : [vendorSuccess(g), authPropagation(g)];
  return {
    items,
    facts: {
      gatewayCalls: g?.calls ?? 0,
      gatewaySuccessRate: g && g.calls > 0 ? g.successes / g.calls : null,
      directSuccessRate: d && d.calls > 0 ? d.successes / d.calls : null,
      gatewayErrorCounts: g?.errorCounts ?? {},
      directErrorCounts: d?.errorCounts ?? {},
      gatewayIntermediaryFailures: g?.intermediaryFailures ?? 0,
      gatewayP95Ms: g?.latencyMs.p95 ?? null,
      directP95Ms: d?.latencyMs.p95 ?? null,
    },
  };
}

function vendorSuccess(g: PathTraffic): Item {
  const judged = g.successes + g.vendorFailures;
  const fix = "Fix the failures that happen behind a gateway (sessions without affinity, buffered streams, host or origin checks).";
  if (judged === 0) return unscored("gateway", "vendor_success", 70, "No gateway-path call could be judged on the vendor.", fix);
  const bound = wilsonLowerBound(g.successes, judged);
  return scored("gateway", "vendor_success", 70, interpolate(successAnchors, bound), "observed",
    `Through the gateway ${g.successes} of ${judged} vendor-judged calls succeeded (95% lower bound ${percent(bound)}); ` +
      `${g.intermediaryFailures + g.clientFailures} failures were the intermediary's or the client's. Gateway-path failures: ${describeCounts(g.errorCounts)}.`,
    fix);
}

function authPropagation(g: PathTraffic): Item {
  const authFailures = countOf(g.errorCounts, "auth_invalid", "auth_forbidden");
  const fix = "Accept authorization propagated through a gateway (audience- and resource-bound tokens, documented forwarding headers).";
  if (g.successes + authFailures === 0) return unscored("gateway", "auth_propagation", 30, "No gateway-path call was answered.", fix);
  return scored("gateway", "auth_propagation", 30, rateShare(authFailures, g.successes + authFailures, rateToZero.gatewayAuthFailures), "observed",
    `${authFailures} gateway-path calls were refused as unauthenticated or forbidden.`, fix);
}
