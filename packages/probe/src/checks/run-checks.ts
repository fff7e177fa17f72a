// The readiness checks in the order their facts feed each other: the 401 challenge first (it says whether
// auth is required and where the metadata is), then the token, the metadata chain, the session-bound
// protocol check, trace context and the server card; then the MCP 2026-07-28 checks (methodology 1.2),
// which share one server/discover to tell the era. Each runs as its own step, "check:<name>".
import type { ReadinessCheck } from "@kensa/core";
import type { CheckContext, CheckOutput } from "./check-context";
import { authChallengeCheck } from "./auth-challenge";
import { authorizationServerCheck } from "./authorization-server";
import { invalidTokenCheck } from "./invalid-token";
import { protectedResourceCheck } from "./protected-resource";
import { protocolVersionCheck } from "./protocol-version";
import { serverCardCheck } from "./server-card";
import { traceContextCheck } from "./trace-context";
import { headerMirroringCheck } from "./header-mirroring";
import { cacheHintsCheck } from "./cache-hints";
import { toolsOrderCheck } from "./tools-order";
import { stepUpCheck } from "./step-up";
import { streamableHttpCheck } from "./streamable-http";
import { serverCardDiscoverCheck } from "./server-card-discover";

export const checkOrder: readonly ReadinessCheck[] = [
  "auth_challenge",
  "invalid_token",
  "protected_resource",
  "authorization_server",
  "protocol_version",
  "trace_context",
  "server_card",
  "header_mirroring",
  "cache_hints",
  "tools_order",
  "step_up",
  "streamable_http",
  "server_card_discover",
];

const checks: Record<ReadinessCheck, (ctx: CheckContext) => Promise<CheckOutput>> = {
  auth_challenge: authChallengeCheck,
  invalid_token: invalidTokenCheck,
  protected_resource: protectedResourceCheck,
  authorization_server: authorizationServerCheck,
  protocol_version: protocolVersionCheck,
  trace_context: traceContextCheck,
  server_card: serverCardCheck,
  header_mirroring: headerMirroringCheck,
  cache_hints: cacheHintsCheck,
  tools_order: toolsOrderCheck,
  step_up: stepUpCheck,
  streamable_http: streamableHttpCheck,
  server_card_discover: serverCardDiscoverCheck,
};

export function selectChecks(selection: "all" | "none" | readonly ReadinessCheck[] | undefined): ReadinessCheck[] {
  if (selection === "none") return [];
  if (selection === undefined || selection === "all") return [...checkOrder];
  // auth_challenge decides what the later auth checks mean, so it runs whenever one of them is asked for.
  const wanted = new Set<ReadinessCheck>(selection);
  if (["invalid_token", "protected_resource", "authorization_server"].some((c) => wanted.has(c as ReadinessCheck))) wanted.add("auth_challenge");
  return checkOrder.filter((c) => wanted.has(c));
}

export function runCheck(name: ReadinessCheck, ctx: CheckContext): Promise<CheckOutput> {
  return checks[name](ctx);
}
