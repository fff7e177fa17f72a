// What an API token may do. Scopes are "<action>:<target>" ("reprobe:freee", "reprobe:*"), "report" or "admin".
// Decided here, once, for the web API, the MCP server and the CLI alike.
import { z } from "zod";

export const TokenAction = z.enum(["reprobe", "catalogue", "report"]);
export type TokenAction = z.infer<typeof TokenAction>;

/** "report" lets a reporter (an agent, a team's telemetry exporter) file reported outcomes about any service:
 * reports name the service they are about, so a per-service reporter scope would only add ceremony. */
export const TokenScope = z.string().regex(/^(admin|report|(reprobe|catalogue):(\*|[a-z0-9]+(-[a-z0-9]+)*))$/, 'expected "admin", "report" or "<reprobe|catalogue>:<service-id or *>"');
export type TokenScope = z.infer<typeof TokenScope>;

export function scopeAllows(scopes: readonly string[], action: TokenAction, target: string): boolean {
  return scopes.some((scope) => scope === "admin" || scope === action || scope === `${action}:*` || scope === `${action}:${target}`);
}
