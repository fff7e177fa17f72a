// startSandbox: one process, one port, every catalogued service as a real MCP server, plus the reference
// gateway and the simulated authorization servers — all driven by one seed and one controllable clock.
import { createHash, createPrivateKey, createPublicKey } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { KensaError, type BehaviourProfile, type CatalogueEntry, type CredentialSpec, type SecretSource } from "@kensa/core";
import { AuthorizationServer, fullScope, sandboxIdpIssuer } from "../auth/authorization-server";
import { TokenIssuer } from "../auth/token-issuer";
import { ControllableClock } from "../clock/controllable-clock";
import { gatewayServiceId } from "../gateway/reference-gateway";
import { buildRuntime } from "./build-runtime";
import { issueCredentials, type SecretGetter } from "./issue-credentials";
import { route } from "./routes";
import type { Fleet, PathName, SandboxExchange } from "./service-runtime";

export interface StartSandboxOptions {
  catalogue: readonly CatalogueEntry[];
  clock?: ControllableClock;
  /** Everything random (latency, failures, mangling, keys) follows from it. Default 1. */
  seed?: number;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Multiplies every simulated latency: 0 for tests that only care about outcomes. Default 1. */
  latencyScale?: number;
  hangMs?: number;
  gatewayTimeoutMs?: number;
  /** Called as each MCP request reaches a service (either path), before authentication, and again once it is
   * answered: a test hook, e.g. to move the clock as a long-running batch would. */
  onExchange?: (exchange: SandboxExchange) => void;
  /** Our own bugs while serving (never a simulated failure). Default: console.error. */
  onError?: (error: unknown) => void;
}

export interface SandboxTarget {
  serviceId: string;
  path: PathName;
  url: string;
  credential: CredentialSpec;
  resourceMetadataUrl: string;
  serverJsonUrl?: string;
}

export interface Sandbox {
  baseUrl: string;
  port: number;
  clock: ControllableClock;
  seed: number;
  serviceIds: string[];
  targetFor(serviceId: string, path: PathName): SandboxTarget;
  /** The credentials the fleet issued, by the secret names the catalogue uses. */
  secrets: SecretSource;
  profileOf(serviceId: string): BehaviourProfile;
  /** Ready-made request headers for a service (a fresh token or the API key): for demos and `kensa scan`. */
  requestHeadersFor(serviceId: string, path: PathName): Record<string, string>;
  /** Restarts the hand-renewed credentials' schedule at `atMs`: a history replayed from `atMs` (the backfill) begins
   * with freshly issued tokens, which then expire and are renewed in that history as they would have been live. */
  reissueCredentialsAt(atMs: number): void;
  /** An enterprise IdP's identity assertion (ID-JAG) for a service that accepts them. */
  mintIdJag(serviceId: string, subject: string, lifetimeSec?: number): string;
  close(): Promise<void>;
}

export const gatewayTokenSecret = "KENSA_SANDBOX_GATEWAY_TOKEN";

function gatewayKeyFrom(seed: number) {
  const raw = createHash("sha256").update(`kensa-sandbox-gateway-key:${seed}`).digest();
  const privateKey = createPrivateKey({ key: Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), raw]), format: "der", type: "pkcs8" });
  return { privateKey, publicKey: createPublicKey(privateKey), kid: `kensa-gateway-${seed}` };
}

function withTokenUrl(spec: CredentialSpec, tokenUrl: string | undefined): CredentialSpec {
  if (!tokenUrl || (spec.kind !== "oauth-client-credentials" && spec.kind !== "oauth-refresh")) return spec;
  return { ...spec, tokenUrl: spec.tokenUrl ?? tokenUrl };
}

export async function startSandbox(options: StartSandboxOptions): Promise<Sandbox> {
  const seed = options.seed ?? 1;
  const clock = options.clock ?? new ControllableClock();
  const onError = options.onError ?? ((error: unknown) => console.error("sandbox: internal error", error));
  const ids = new Set<string>();
  for (const entry of options.catalogue) {
    if (ids.has(entry.id)) throw new KensaError("bad_config", `sandbox: service "${entry.id}" is listed twice`);
    ids.add(entry.id);
  }
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://${options.host ?? "127.0.0.1"}:${port}`;
  const tokens = new TokenIssuer(seed, clock);
  const gatewayAs = new AuthorizationServer({
    serviceId: gatewayServiceId,
    issuer: `${baseUrl}/g/auth`,
    resource: `${baseUrl}/g`,
    auth: { mode: "oauth2_1_pkce", tokenLifetimeSec: 30 * 86_400, refreshGrant: true, clientCredentialsGrant: true, manualRenewalLagSec: null, challenge: "resource-metadata", invalidToken: "reject-401" },
    metadata: { protectedResource: "correct", authorizationServer: "rfc8414", pkce: "S256", implicitGrant: false, registration: "dcr", idJag: false },
    tokens,
  });
  const fleet: Fleet = { seed, clock, tokens, baseUrl, gatewayKey: gatewayKeyFrom(seed), gatewayAs, gatewayUpstreamTokens: new Map(), services: new Map(), credentialEpochMs: clock.now(), pending: new Set(), ...(options.onExchange ? { onExchange: options.onExchange } : {}), options: { latencyScale: options.latencyScale ?? 1, hangMs: options.hangMs ?? 30_000, gatewayTimeoutMs: options.gatewayTimeoutMs ?? 10_000 } };

  const secrets = new Map<string, { owner: string; get: SecretGetter }>();
  let callerToken = gatewayAs.issueFor("kensa-sandbox-caller", "mcp:read");
  secrets.set(gatewayTokenSecret, {
    owner: "the reference gateway",
    get: () => {
      if (callerToken.claims.exp * 1000 - 86_400_000 <= clock.now()) callerToken = gatewayAs.issueFor("kensa-sandbox-caller", "mcp:read");
      return callerToken.token;
    },
  });
  try {
    for (const entry of options.catalogue) {
      const rt = buildRuntime(entry, fleet);
      fleet.services.set(rt.id, rt);
      for (const [name, get] of issueCredentials(rt, fleet)) {
        const taken = secrets.get(name);
        if (taken) throw new KensaError("bad_config", `sandbox: secret name ${name} is used by both ${taken.owner} and ${rt.id}`);
        secrets.set(name, { owner: rt.id, get });
      }
    }
  } catch (error) {
    server.close();
    throw error;
  }
  server.on("request", (req, res) => {
    route(req, res, fleet).catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: "sandbox_internal_error" }));
      else res.destroy();
    });
  });

  const runtime = (serviceId: string) => {
    const rt = fleet.services.get(serviceId);
    if (!rt) throw new KensaError("not_found", `no sandbox service "${serviceId}"`);
    return rt;
  };
  return {
    baseUrl,
    port,
    clock,
    seed,
    serviceIds: [...fleet.services.keys()],
    targetFor(serviceId, path) {
      const rt = runtime(serviceId);
      // The registry entry describes the service's own endpoint, so it is offered on the direct path only.
      if (path === "gateway") return { serviceId, path, url: rt.urls.gatewayMcp, credential: { kind: "bearer", tokenSecret: gatewayTokenSecret }, resourceMetadataUrl: rt.urls.gatewayResourceMetadata };
      return {
        serviceId,
        path,
        url: rt.urls.mcp,
        credential: withTokenUrl(rt.entry.credential, rt.as ? `${rt.as.issuer}/token` : undefined),
        resourceMetadataUrl: rt.urls.resourceMetadata,
        ...(rt.profile.serverCard !== "none" ? { serverJsonUrl: rt.urls.serverJson } : {}),
      };
    },
    secrets: { get: (name) => secrets.get(name)?.get() },
    profileOf: (serviceId) => runtime(serviceId).profile,
    requestHeadersFor(serviceId, path) {
      const rt = runtime(serviceId);
      if (path === "gateway") return { authorization: `Bearer ${secrets.get(gatewayTokenSecret)!.get()}` };
      if (rt.profile.auth.mode === "none") return {};
      if (rt.profile.auth.mode === "api_key") return rt.keys.header ? { [rt.keys.header]: rt.keys.probe! } : { authorization: `Bearer ${rt.keys.probe}` };
      return { authorization: `Bearer ${rt.as!.issueFor(`${rt.id}-probe`).token}` };
    },
    reissueCredentialsAt(atMs) {
      fleet.credentialEpochMs = atMs;
    },
    mintIdJag(serviceId, subject, lifetimeSec = 300) {
      const rt = runtime(serviceId);
      const iat = Math.floor(clock.now() / 1000);
      return tokens.signAssertion({ iss: sandboxIdpIssuer, sub: subject, aud: rt.as?.issuer ?? rt.urls.issuer, scope: fullScope, iat, exp: iat + lifetimeSec });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const done of [...fleet.pending]) done();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
