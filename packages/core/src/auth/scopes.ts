// What an API token may do. Scopes are "<action>:<target>" ("reprobe:freee", "reprobe:*") or "admin".
// Decided here, once, for the web API and the CLI alike.
import { z } from "zod";

export const TokenAction = z.enum(["reprobe", "catalogue"]);
export type TokenAction = z.infer<typeof TokenAction>;

export const TokenScope = z.string().regex(/^(admin|(reprobe|catalogue):(\*|[a-z0-9]+(-[a-z0-9]+)*))$/, 'expected "admin" or "<reprobe|catalogue>:<service-id or *>"');
export type TokenScope = z.infer<typeof TokenScope>;

export function scopeAllows(scopes: readonly string[], action: TokenAction, target: string): boolean {
  return scopes.some((scope) => scope === "admin" || scope === `${action}:*` || scope === `${action}:${target}`);
}
