// The ids of methodology 1.2's MCP 2026-07-28 items (items-1-2-protocol.ts scores them), apart so the closed
// item list (item-ids.ts) and the version table (item-versions.ts) can name them without the scoring code.
export const protocolItemIds12 = [
  "gateway.header_mirroring", "gateway.cache_hints", "gateway.tools_order", "gateway.streamable_http",
  "auth.iss_parameter", "auth.client_id_metadata", "auth.step_up",
  "portability.server_card_discover",
] as const;
export type ProtocolItemId12 = (typeof protocolItemIds12)[number];
