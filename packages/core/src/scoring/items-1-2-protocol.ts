// Methodology 1.2 items from the MCP 2026-07-28 readiness checks (docs/methodology-1.2-protocol.md). They
// count from methodology 1.2 on: 1.1.x grades never call this file, so staging 1.2 (the methodology version
// mechanism) decides when they join the axes' items and caps. Same rules as every item: a check not run,
// not applicable or inconclusive is left out of its axis (never a 0); a failed check earns what its facts
// show; every item says what to change.
import { GradeEvidence, authOverStdio, type CheckEvidence } from "./evidence";
import { scored, unscored, type Item } from "./items";
import type { AxisName } from "./methodology";

/** The methodology version these items and the cap below count from. */
export const protocolItemsSince = "1.2.0";

import { protocolItemIds12, type ProtocolItemId12 } from "./items-1-2-protocol-ids";
export { protocolItemIds12, type ProtocolItemId12 };

/** Points per item; an axis's score is earned over available among its scored items (score-total.ts). */
export const protocolPoints12: Record<ProtocolItemId12, number> = {
  "gateway.header_mirroring": 20,
  "gateway.cache_hints": 10,
  "gateway.tools_order": 5,
  "gateway.streamable_http": 10,
  "auth.iss_parameter": 3,
  "auth.client_id_metadata": 3,
  "auth.step_up": 4,
  "portability.server_card_discover": 10,
};

/** Shares of the cache_hints item: cacheScope is what makes a shared cache safe, ttlMs what makes it useful. */
export const cacheHintShares = { ttl: 0.4, scope: 0.6 };
/** A mismatch refused with 400 but not -32020: a gateway is protected, a client cannot tell why. */
export const headerMismatchWithoutCodeShare = 0.5;

const fixes: Record<ProtocolItemId12, string> = {
  "gateway.header_mirroring": "Validate Mcp-Method / Mcp-Name against the body and answer a disagreement or a missing header with 400 and JSON-RPC error -32020 (HeaderMismatch), MCP 2026-07-28.",
  "gateway.cache_hints": 'Put ttlMs and cacheScope ("public" or "private") on server/discover and every list result, so gateways cache only what is safe to share.',
  "gateway.tools_order": "Return tools/list in a stable order (e.g. sorted by name).",
  "gateway.streamable_http": "Serve Streamable HTTP; keep the deprecated HTTP+SSE endpoints only beside it for old clients.",
  "auth.iss_parameter": "Include iss in authorization responses and advertise authorization_response_iss_parameter_supported: true (RFC 9207).",
  "auth.client_id_metadata": "Accept Client ID Metadata Documents and advertise client_id_metadata_document_supported: true (Dynamic Client Registration is deprecated).",
  "auth.step_up": 'Answer an under-scoped token with 403 and WWW-Authenticate: Bearer error="insufficient_scope", scope="…", resource_metadata="…".',
  "portability.server_card_discover": "Serve the server card at /.well-known/mcp/server-card (application/json, CORS *) with the version, capabilities and protocol versions server/discover reports.",
};

export function protocolItems12(e: GradeEvidence): Item[] {
  return [headerMirroring(e), cacheHints(e), toolsOrder(e), streamableHttp(e), issParameter(e), clientIdMetadata(e), stepUp(e), serverCardDiscover(e)];
}

function item(id: ProtocolItemId12, share: number, message: string): Item {
  const [axis, name] = id.split(".") as [AxisName, string];
  return scored(axis, name, protocolPoints12[id], share, "observed", message, fixes[id]);
}

function left(id: ProtocolItemId12, message: string): Item {
  const [axis, name] = id.split(".") as [AxisName, string];
  return unscored(axis, name, protocolPoints12[id], message, fixes[id]);
}

/** Not run, not applicable or inconclusive: the item is left out, with the reason. */
function unjudged(id: ProtocolItemId12, check: string, c: CheckEvidence | undefined): Item | undefined {
  if (c === undefined) return left(id, `The ${check} check was not run in this window.`);
  if (c.verdict === "not_applicable") return left(id, `The ${check} check does not apply to this server${c.facts["era"] === "initialize" ? " (it speaks the initialize era only, which has no such feature)" : ""}.`);
  if (c.verdict === "inconclusive") return left(id, `The ${check} check could not reach a verdict (refused before it could ask, or the answers could not be compared).`);
  return undefined;
}

function headerMirroring(e: GradeEvidence): Item {
  const c = e.checks.header_mirroring;
  const skip = unjudged("gateway.header_mirroring", "header_mirroring", c);
  if (skip) return skip;
  if (c!.verdict === "pass") return item("gateway.header_mirroring", 1, "Mirrored Mcp-Method / Mcp-Name headers are accepted, and mismatched or missing ones are refused with 400 and -32020.");
  if (c!.facts["mismatchAccepted"] === true) return item("gateway.header_mirroring", 0, "A request whose Mcp-Method / Mcp-Name headers disagree with its body was served: a gateway routing on the header and the server acting on the body can act on different requests.");
  const agreeing = c!.facts["agreeingStatus"];
  if (c!.facts["rejectedWithout32020"] === true && typeof agreeing === "number" && agreeing >= 200 && agreeing < 300) {
    return item("gateway.header_mirroring", headerMismatchWithoutCodeShare, "Mismatched headers are refused with 400, but without JSON-RPC error -32020 (HeaderMismatch), so clients cannot tell why.");
  }
  return item("gateway.header_mirroring", 0, "Requests with correctly mirrored headers are not served, or mismatches are not refused with 400.");
}

function cacheHints(e: GradeEvidence): Item {
  const c = e.checks.cache_hints;
  const skip = unjudged("gateway.cache_hints", "cache_hints", c);
  if (skip) return skip;
  const ttl = c!.facts["ttlPresent"] === true;
  const scope = c!.facts["cacheScopePresent"] === true;
  const share = (ttl ? cacheHintShares.ttl : 0) + (scope ? cacheHintShares.scope : 0);
  const said = [ttl ? "ttlMs present" : "ttlMs missing", scope ? "cacheScope present" : "cacheScope missing"].join(", ");
  return item("gateway.cache_hints", share, `server/discover and tools/list results: ${said}.`);
}

function toolsOrder(e: GradeEvidence): Item {
  const c = e.checks.tools_order;
  const skip = unjudged("gateway.tools_order", "tools_order", c);
  if (skip) return skip;
  return c!.verdict === "pass"
    ? item("gateway.tools_order", 1, "Two tools/list answers list the tools in the same order.")
    : item("gateway.tools_order", 0, "Two tools/list answers list the same tools in different orders.");
}

function streamableHttp(e: GradeEvidence): Item {
  const c = e.checks.streamable_http;
  const skip = unjudged("gateway.streamable_http", "streamable_http", c);
  if (skip) return skip;
  return c!.verdict === "pass"
    ? item("gateway.streamable_http", 1, "The server offers Streamable HTTP.")
    : item("gateway.streamable_http", 0, "The server offers only the deprecated HTTP+SSE transport.");
}

/** The authorization-server metadata items: left out over stdio and where no metadata was judged. */
function asFacts(e: GradeEvidence, id: ProtocolItemId12): { facts: CheckEvidence["facts"] } | Item {
  if (authOverStdio(e.checks)) return left(id, "Not applicable over stdio: the server takes its credentials from its environment.");
  const as = e.checks.authorization_server;
  if (as === undefined || as.verdict === "not_applicable" || as.verdict === "inconclusive") return left(id, "No authorization-server metadata was judged in this window.");
  return { facts: as.facts };
}

function issParameter(e: GradeEvidence): Item {
  const as = asFacts(e, "auth.iss_parameter");
  if ("id" in as) return as;
  // RFC 9207 entered MCP in 2026-07-28 (SEP-2468): an initialize-era-only server is not asked for it.
  if (e.checks.header_mirroring?.facts["era"] === "initialize") return left("auth.iss_parameter", "The server speaks the initialize era only; its specification does not ask the authorization server for RFC 9207 iss.");
  return as.facts["issParameterSupported"] === true
    ? item("auth.iss_parameter", 1, "The authorization server advertises RFC 9207 iss in authorization responses.")
    : item("auth.iss_parameter", 0, "The authorization server does not advertise RFC 9207 iss (authorization_response_iss_parameter_supported), so clients cannot detect mix-up attacks.");
}

function clientIdMetadata(e: GradeEvidence): Item {
  const as = asFacts(e, "auth.client_id_metadata");
  if ("id" in as) return as;
  if (as.facts["clientIdMetadataDocuments"] === true) return item("auth.client_id_metadata", 1, "Client ID Metadata Documents are offered.");
  return item("auth.client_id_metadata", 0, as.facts["dynamicClientRegistration"] === true
    ? "Only Dynamic Client Registration is offered, which MCP 2026-07-28 deprecates in favour of Client ID Metadata Documents."
    : "No Client ID Metadata Documents.");
}

function stepUp(e: GradeEvidence): Item {
  const c = e.checks.step_up;
  if (c?.verdict === "not_applicable" && c.facts["token"] === false) return left("auth.step_up", "Not tested: the probe had no token, so no under-scoped token could be refused.");
  const skip = unjudged("auth.step_up", "step_up", c);
  if (skip) return skip;
  return c!.verdict === "pass"
    ? item("auth.step_up", 1, 'A 403 to our token says error="insufficient_scope" and names scope and resource_metadata.')
    : item("auth.step_up", 0, 'A 403 to our token does not say error="insufficient_scope" with scope and resource_metadata, so clients cannot step up.');
}

function serverCardDiscover(e: GradeEvidence): Item {
  const c = e.checks.server_card_discover;
  const skip = unjudged("portability.server_card_discover", "server_card_discover", c);
  if (skip) return skip;
  return c!.verdict === "pass"
    ? item("portability.server_card_discover", 1, "The server card at /.well-known/mcp/server-card agrees with server/discover.")
    : item("portability.server_card_discover", 0, "The server card disagrees with server/discover (version, capabilities, protocol versions) or is not served as CORS-readable JSON.");
}
