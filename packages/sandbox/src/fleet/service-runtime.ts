// Everything the fleet holds for one simulated service: its entry and effective profile, URLs, the
// authorization server (OAuth modes), the keys it accepts, its seeded draws and its rate limiters.
import type { KeyObject } from "node:crypto";
import type { BehaviourProfile, CatalogueEntry, Clock, ProtocolEra, ToolDefinitionStyle } from "@kensa/core";
import type { NodeMcpRequestHandler } from "@modelcontextprotocol/node";
import type { AuthorizationServer } from "../auth/authorization-server";
import type { IssuedToken, TokenIssuer } from "../auth/token-issuer";
import type { CallDraws, GatewayDraws } from "../behaviour/call-draws";
import type { RateLimiter } from "../behaviour/rate-limiter";
import type { ToolDefinition } from "../mcp/category-tools";

export type PathName = "direct" | "gateway";

export interface ServiceUrls {
  mcp: string;
  resourceMetadata: string;
  issuer: string;
  serverJson: string;
  gatewayMcp: string;
  gatewayResourceMetadata: string;
}

export interface ServiceRuntime {
  id: string;
  entry: CatalogueEntry;
  profile: BehaviourProfile;
  tools: ToolDefinition[];
  /** How its tools/list is written (mcp/tool-style.ts). */
  toolStyle: ToolDefinitionStyle;
  /** The protocol eras it serves, newest first (core/sandbox/protocol-eras.ts). */
  eras: ProtocolEra[];
  /** What the reference gateway does with the mirrored Mcp-Method / Mcp-Name headers on its way here. */
  mirroredHeaders: "pass" | "mangle";
  /** The v2 SDK handler serving the modern era, made on the first modern request (mcp/modern-endpoint.ts). */
  modernHandler?: NodeMcpRequestHandler;
  urls: ServiceUrls;
  as: AuthorizationServer | null;
  /** API-key mode: the probe's key, the gateway's key, and the header carrying it (null: Authorization: Bearer). */
  keys: { probe: string | null; gateway: string | null; header: string | null };
  draws: Record<PathName, CallDraws>;
  gatewayDraws: GatewayDraws;
  limits: Record<PathName, RateLimiter>;
}

export interface FleetOptions {
  latencyScale: number;
  /** How long an injected timeout holds a request before answering anyway. */
  hangMs: number;
  /** The gateway's patience with an upstream before it answers 504. */
  gatewayTimeoutMs: number;
}

/** What every handler shares. */
export interface Fleet {
  seed: number;
  clock: Clock;
  tokens: TokenIssuer;
  baseUrl: string;
  options: FleetOptions;
  gatewayKey: { privateKey: KeyObject; publicKey: KeyObject; kid: string };
  gatewayAs: AuthorizationServer;
  /** The gateway's own upstream access tokens, per service, renewed when they expire. */
  gatewayUpstreamTokens: Map<string, IssuedToken>;
  services: Map<string, ServiceRuntime>;
  /** When the hand-renewed credentials (a person's static tokens) were first issued: the fleet's start, or the
   * start of a replayed history (see Sandbox.reissueCredentialsAt). Their renewal schedule counts from it. */
  credentialEpochMs: number;
  /** Sees each MCP request as it arrives and once it is answered (tests move the clock as a long batch would). */
  onExchange?: (exchange: SandboxExchange) => void;
  /** Timers and waits to cut short when the fleet closes. */
  pending: Set<() => void>;
}

export interface SandboxExchange {
  serviceId: string;
  /** The JSON-RPC method of the (first) message, when the body parsed. */
  rpcMethod: string | undefined;
  /** "request": arrived, nothing checked yet; "response": answered (or the connection closed). */
  phase: "request" | "response";
}

export const gatewayClientId = "kensa-reference-gateway";
export const gatewayClaimsHeader = "x-kensa-gateway-claims";
