// What a naive intermediary does to structured tool arguments: re-encodes nested objects and arrays as
// JSON strings (form-style flattening). A server that enforces its schema then rejects the call.

/** The tools/call message with its object/array arguments stringified, or null when there is nothing to break. */
export function flattenStructuredArguments(message: unknown): unknown | null {
  if (!message || typeof message !== "object" || Array.isArray(message)) return null;
  const m = message as { method?: unknown; params?: { arguments?: Record<string, unknown> } };
  const args = m.method === "tools/call" ? m.params?.arguments : undefined;
  if (!args || typeof args !== "object") return null;
  let changed = false;
  const flattened: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (value !== null && typeof value === "object") {
      flattened[key] = JSON.stringify(value);
      changed = true;
    } else flattened[key] = value;
  }
  return changed ? { ...m, params: { ...m.params, arguments: flattened } } : null;
}
