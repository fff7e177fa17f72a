// Every item the methodology scores, by id. Each axis emits all of its items on every grade (judged or
// not), so this list is closed: renderings in other languages key their texts on it, and a test holds
// the scorer to it.
export const itemIds = [
  "reliability.vendor_success", "reliability.latency_p95",
  "auth.authentication", "auth.challenge", "auth.protected_resource", "auth.authorization_server",
  "auth.pkce_s256", "auth.no_implicit", "auth.client_registration", "auth.invalid_token_rejected",
  "auth.expiry_free", "auth.refresh", "auth.sso", "auth.id_jag", "auth.scim",
  "audit.protocol_version", "audit.protocol_errors", "audit.trace_context", "audit.opentelemetry", "audit.structured_errors",
  "portability.iac_provider", "portability.registry_entry", "portability.environment_separation", "portability.server_card",
  "gateway.vendor_success", "gateway.auth_propagation",
] as const;
export type ItemId = (typeof itemIds)[number];

export function isItemId(id: string): id is ItemId {
  return (itemIds as readonly string[]).includes(id);
}
