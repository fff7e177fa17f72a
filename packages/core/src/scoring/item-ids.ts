// Every item any methodology version scores, by id. Each axis emits all of its items on every grade (judged
// or not) and the version in force keeps those it has (item-versions.ts), so this list is closed: renderings
// in other languages key their texts on it, and a test holds the scorer to it.

import { protocolItemIds12 } from "./items-1-2-protocol-ids";

/** Introduced in 1.2.0 (the tools axis). */
export const toolItemIds = [
  "tools.descriptions", "tools.input_schemas", "tools.annotations", "tools.names", "tools.output_schemas", "tools.unique_names", "tools.list_size",
] as const;

export const itemIds = [
  "reliability.vendor_success", "reliability.latency_p95",
  "auth.authentication", "auth.challenge", "auth.protected_resource", "auth.authorization_server",
  "auth.pkce_s256", "auth.no_implicit", "auth.client_registration", "auth.invalid_token_rejected",
  "auth.expiry_free", "auth.refresh", "auth.sso", "auth.id_jag", "auth.scim",
  "audit.protocol_version", "audit.protocol_errors", "audit.trace_context", "audit.opentelemetry", "audit.structured_errors",
  "portability.iac_provider", "portability.registry_entry", "portability.environment_separation", "portability.server_card",
  "gateway.vendor_success", "gateway.auth_propagation",
  ...toolItemIds,
  ...protocolItemIds12,
] as const;
export type ItemId = (typeof itemIds)[number];

export function isItemId(id: string): id is ItemId {
  return (itemIds as readonly string[]).includes(id);
}
