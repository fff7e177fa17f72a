// One simulated OAuth authorization server per OAuth service (and one for the gateway): RFC 8414 / OIDC
// metadata exactly as the profile says (right or deliberately wrong), and working endpoints for the
// authorization-code (PKCE), refresh-token, client-credentials and ID-JAG grants and for DCR.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createHash } from "node:crypto";
import type { AuthBehaviour, MetadataBehaviour } from "@kensa/core";
import { basicCredentialsOf, parseParams, readBody, sendJson } from "../util/http";
import type { TokenIssuer } from "./token-issuer";

export const idJagProfile = "urn:ietf:params:oauth:grant-profile:id-jag";
export const jwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";
export const sandboxIdpIssuer = "https://idp.sandbox.kensa.invalid";
export const fullScope = "mcp:read mcp:write";

interface Client {
  secret?: string;
  redirectUris: string[];
}
interface Code {
  clientId: string;
  redirectUri: string;
  challenge?: string;
  method?: string;
  scope: string;
  expiresAt: number;
}

export interface AuthorizationServerOptions {
  serviceId: string;
  issuer: string;
  resource: string;
  auth: AuthBehaviour;
  metadata: MetadataBehaviour;
  tokens: TokenIssuer;
}

const maxDynamicClients = 1000;

export class AuthorizationServer {
  readonly #clients = new Map<string, Client>();
  readonly #refreshTokens = new Map<string, { clientId: string; scope: string }>();
  readonly #codes = new Map<string, Code>();
  #dynamic = 0;

  constructor(readonly options: AuthorizationServerOptions) {}

  get issuer(): string {
    return this.options.issuer;
  }

  registerClient(clientId: string, secret?: string): void {
    this.#clients.set(clientId, { secret, redirectUris: [] });
  }

  /** A long-lived refresh token (not rotated: a probe reads it from a secret store it cannot write back to). */
  grantRefreshToken(token: string, clientId: string, scope = fullScope): void {
    this.#refreshTokens.set(token, { clientId, scope });
  }

  /** Issues directly, as an operator would with a service account (the gateway uses this). */
  issueFor(clientId: string, scope = fullScope, lifetimeSec = this.options.auth.tokenLifetimeSec, issuedAtMs?: number) {
    const { issuer, resource, serviceId } = this.options;
    return this.options.tokens.issue({ iss: issuer, sub: clientId, aud: resource, scope, svc: serviceId, lifetimeSec, issuedAtMs });
  }

  /** The metadata document for RFC 8414 ("oauth") or OIDC discovery ("oidc"); null where the profile has none. */
  metadataDocument(kind: "oauth" | "oidc"): Record<string, unknown> | null {
    const { metadata: m, auth } = this.options;
    if (m.authorizationServer === "missing") return null;
    if (kind === "oauth" && m.authorizationServer === "oidc") return null;
    if (kind === "oidc" && m.authorizationServer === "rfc8414") return null;
    const grants = ["authorization_code", ...(auth.refreshGrant ? ["refresh_token"] : []), ...(auth.clientCredentialsGrant ? ["client_credentials"] : [])];
    if (m.implicitGrant) grants.push("implicit");
    if (m.idJag) grants.push(jwtBearerGrant);
    const doc: Record<string, unknown> = {
      issuer: this.issuer,
      authorization_endpoint: `${this.issuer}/authorize`,
      token_endpoint: `${this.issuer}/token`,
      response_types_supported: m.implicitGrant ? ["code", "token"] : ["code"],
      grant_types_supported: grants,
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "none"],
      scopes_supported: fullScope.split(" "),
    };
    if (m.pkce !== "none") doc.code_challenge_methods_supported = m.pkce === "S256" ? ["S256"] : ["plain"];
    if (m.registration === "dcr") doc.registration_endpoint = `${this.issuer}/register`;
    if (m.registration === "cimd") doc.client_id_metadata_document_supported = true;
    if (m.idJag) doc.authorization_grant_profiles_supported = [idJagProfile];
    if (kind === "oidc") Object.assign(doc, { subject_types_supported: ["public"], id_token_signing_alg_values_supported: ["HS256"], userinfo_endpoint: `${this.issuer}/userinfo` });
    return doc;
  }

  async handle(req: IncomingMessage, res: ServerResponse, endpoint: string): Promise<void> {
    if (endpoint === "authorize" && req.method === "GET") return this.#authorize(req, res);
    if (endpoint === "token" && req.method === "POST") return this.#token(req, res);
    if (endpoint === "register" && req.method === "POST" && this.options.metadata.registration === "dcr") return this.#register(req, res);
    sendJson(res, 404, { error: "not_found" });
  }

  #client(clientId: string | undefined): Client | undefined {
    if (!clientId) return undefined;
    const known = this.#clients.get(clientId);
    if (known) return known;
    // Client ID Metadata Documents: the client id is an https URL (the sandbox cannot fetch it; it trusts the form).
    if (this.options.metadata.registration === "cimd" && /^https:\/\/[^/]+\/.+/.test(clientId)) return { redirectUris: [] };
    return undefined;
  }

  #authorize(req: IncomingMessage, res: ServerResponse): void {
    const q = new URL(req.url ?? "/", this.issuer).searchParams;
    const clientId = q.get("client_id") ?? undefined;
    const redirectUri = q.get("redirect_uri");
    const client = this.#client(clientId);
    if (!client || !redirectUri || !/^https?:\/\//.test(redirectUri)) return sendJson(res, 400, { error: "invalid_request", error_description: "unknown client_id or missing redirect_uri" });
    if (client.redirectUris.length > 0 && !client.redirectUris.includes(redirectUri)) return sendJson(res, 400, { error: "invalid_request", error_description: "redirect_uri not registered" });
    const back = new URL(redirectUri);
    const state = q.get("state");
    const scope = q.get("scope") ?? fullScope;
    const responseType = q.get("response_type");
    if (responseType === "token" && this.options.metadata.implicitGrant) {
      const issued = this.issueFor(clientId!, scope);
      back.hash = new URLSearchParams({ access_token: issued.token, token_type: "Bearer", expires_in: String(issued.expiresInSec), ...(state ? { state } : {}) }).toString();
      return void res.writeHead(302, { location: back.toString() }).end();
    }
    const redirectError = (error: string, description: string) => {
      back.search = new URLSearchParams({ error, error_description: description, ...(state ? { state } : {}) }).toString();
      res.writeHead(302, { location: back.toString() }).end();
    };
    if (responseType !== "code") return redirectError("unsupported_response_type", "only response_type=code");
    const challenge = q.get("code_challenge") ?? undefined;
    const method = q.get("code_challenge_method") ?? (challenge ? "plain" : undefined);
    const { pkce } = this.options.metadata;
    if (pkce === "S256" && this.options.auth.mode !== "oauth2" && !challenge) return redirectError("invalid_request", "PKCE code_challenge required");
    if (pkce === "S256" && challenge && method !== "S256") return redirectError("invalid_request", "code_challenge_method must be S256");
    const code = createHash("sha256").update(`${clientId}:${this.#codes.size}:${this.options.tokens.clock.now()}:${Math.random()}`).digest("base64url");
    this.#codes.set(code, { clientId: clientId!, redirectUri, challenge: pkce === "none" ? undefined : challenge, method, scope, expiresAt: this.options.tokens.clock.now() + 600_000 });
    back.search = new URLSearchParams({ code, ...(state ? { state } : {}) }).toString();
    res.writeHead(302, { location: back.toString() }).end();
  }

  async #register(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, 64 * 1024);
    let meta: { redirect_uris?: unknown; token_endpoint_auth_method?: unknown; client_name?: unknown };
    try {
      meta = JSON.parse(body?.toString("utf8") ?? "") as typeof meta;
    } catch {
      return sendJson(res, 400, { error: "invalid_client_metadata", error_description: "expected a JSON object" });
    }
    const uris = Array.isArray(meta.redirect_uris) ? meta.redirect_uris.filter((u): u is string => typeof u === "string" && /^https?:\/\//.test(u)) : [];
    if (uris.length === 0) return sendJson(res, 400, { error: "invalid_redirect_uri", error_description: "redirect_uris must list http(s) URLs" });
    const publicClient = meta.token_endpoint_auth_method === "none";
    this.#dynamic += 1;
    const clientId = `${this.options.serviceId}-dyn-${this.#dynamic}`;
    const secret = publicClient ? undefined : createHash("sha256").update(`${clientId}:${Math.random()}`).digest("base64url");
    if (this.#clients.size >= maxDynamicClients) this.#clients.delete(this.#clients.keys().next().value!);
    this.#clients.set(clientId, { secret, redirectUris: uris });
    sendJson(res, 201, {
      client_id: clientId,
      ...(secret ? { client_secret: secret } : {}),
      client_id_issued_at: Math.floor(this.options.tokens.clock.now() / 1000),
      redirect_uris: uris,
      token_endpoint_auth_method: publicClient ? "none" : "client_secret_basic",
      grant_types: ["authorization_code", ...(this.options.auth.refreshGrant ? ["refresh_token"] : [])],
    });
  }

  async #token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, 64 * 1024);
    const p = parseParams(body ?? Buffer.alloc(0), req.headers["content-type"]);
    const basic = basicCredentialsOf(req);
    const clientId = basic?.id ?? p.client_id;
    const presented = basic?.secret ?? p.client_secret;
    const noStore = { "cache-control": "no-store" };
    const fail = (status: number, error: string, description: string) => sendJson(res, status, { error, error_description: description }, noStore);
    const authenticated = (): boolean => {
      const client = this.#client(clientId);
      return client !== undefined && (client.secret === undefined || client.secret === presented);
    };
    const grant = (sub: string, scope: string, refreshToken?: string) => {
      const issued = this.issueFor(sub, scope);
      sendJson(res, 200, { access_token: issued.token, token_type: "Bearer", expires_in: issued.expiresInSec, scope, ...(refreshToken ? { refresh_token: refreshToken } : {}) }, noStore);
    };
    const { auth, metadata } = this.options;
    switch (p.grant_type) {
      case "client_credentials":
        if (!auth.clientCredentialsGrant) return fail(400, "unsupported_grant_type", "client_credentials is not supported");
        if (!authenticated() || this.#client(clientId)?.secret === undefined) return fail(401, "invalid_client", "client authentication failed");
        return grant(clientId!, p.scope ?? fullScope);
      case "refresh_token": {
        if (!auth.refreshGrant) return fail(400, "unsupported_grant_type", "refresh_token is not supported");
        const stored = p.refresh_token ? this.#refreshTokens.get(p.refresh_token) : undefined;
        if (!authenticated()) return fail(401, "invalid_client", "client authentication failed");
        if (!stored || stored.clientId !== clientId) return fail(400, "invalid_grant", "unknown or revoked refresh token");
        return grant(clientId!, stored.scope, p.refresh_token);
      }
      case "authorization_code": {
        const code = p.code ? this.#codes.get(p.code) : undefined;
        if (p.code) this.#codes.delete(p.code);
        if (!code || code.clientId !== clientId || code.redirectUri !== p.redirect_uri || code.expiresAt < this.options.tokens.clock.now()) return fail(400, "invalid_grant", "invalid authorization code");
        if (!authenticated()) return fail(401, "invalid_client", "client authentication failed");
        if (code.challenge) {
          const verifier = p.code_verifier ?? "";
          const derived = code.method === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
          if (derived !== code.challenge) return fail(400, "invalid_grant", "PKCE verification failed");
        }
        let refresh: string | undefined;
        if (auth.refreshGrant) {
          refresh = createHash("sha256").update(`${p.code}:refresh`).digest("base64url");
          this.grantRefreshToken(refresh, clientId!, code.scope);
        }
        return grant(clientId!, code.scope, refresh);
      }
      case jwtBearerGrant: {
        if (!metadata.idJag) return fail(400, "unsupported_grant_type", "ID-JAG is not supported");
        const claims = p.assertion ? this.options.tokens.verifyAssertion(p.assertion) : null;
        const now = this.options.tokens.clock.now() / 1000;
        if (!claims || claims.iss !== sandboxIdpIssuer || claims.aud !== this.issuer || typeof claims.exp !== "number" || claims.exp <= now || typeof claims.sub !== "string") {
          return fail(400, "invalid_grant", "the identity assertion is not valid for this server");
        }
        return grant(claims.sub, typeof claims.scope === "string" ? claims.scope : "mcp:read");
      }
      default:
        return fail(400, "unsupported_grant_type", `unsupported grant_type ${JSON.stringify(p.grant_type ?? null)}`);
    }
  }
}
