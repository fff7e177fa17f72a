// Methodology 1.2 cap from the MCP 2026-07-28 checks (docs/methodology-1.2-protocol.md), applied from 1.2 on
// beside applicableCaps. A server that serves a request whose Mcp-Method / Mcp-Name headers disagree with its
// body lets a caller route (or pass a gateway's policy) as one request and execute another — the exact
// divergence the spec's Server Validation rule exists to prevent (streamable-http §Server Validation).
import { cap, type AppliedCap } from "./caps";
import type { GradeEvidence } from "./evidence";
import type { Item } from "./items";

export function protocolCaps12(e: GradeEvidence, items: readonly Item[]): AppliedCap[] {
  const c = e.checks.header_mirroring;
  if (c?.verdict !== "fail" || c.facts["mismatchAccepted"] !== true) return [];
  const liftedBy = items.some((i) => i.id === "gateway.header_mirroring" && i.scored) ? ["gateway.header_mirroring"] : [];
  return [cap("cap.accepts_header_mismatch", "cap", "A", "A request whose Mcp-Method / Mcp-Name headers disagree with its body was served (not refused with 400 / -32020).", {}, liftedBy)];
}
