// The credential a probe sends, from the catalogue's CredentialSpec. Static bearer / API-key headers come
// from the SecretSource; OAuth grants run against the server's own authorization server (discovered via
// RFC 9728 + RFC 8414 unless a token URL is given). The manager knows when the token it holds was issued
// and when it expires (by the probe's Clock), refreshes it before expiry when it can, and tells each step
// whether the token it carried was already past expiry — what separates auth_expired from a bad credential.
import { KensaError, type Clock, type CredentialSpec, type CredentialSummary, type SecretSource } from "@kensa/core";
import type { Redactor } from "../evidence/redactor";
import type { CredentialAtSend } from "../steps/step-runner";
import { jwtTimes } from "./jwt-claims";
import type { TokenEndpoint } from "./token-endpoint";
import type { GrantRequest, GrantResult } from "./token-grant";

export interface CredentialDeps {
  clock: Clock;
  secrets: SecretSource;
  redactor: Redactor;
  /** Resource indicator sent with grants: the MCP endpoint. */
  resource: string;
  /** Finds (and validates) the token endpoint when the spec does not name one. */
  discoverTokenEndpoint: () => Promise<TokenEndpoint>;
  /** Runs a grant as a recorded step and returns its result. */
  grant: (request: GrantRequest) => Promise<GrantResult>;
}

interface HeldToken {
  value: string;
  issuedAtMs?: number;
  expiresAtMs?: number;
  countedExpired: boolean;
}

export class CredentialManager {
  private token?: HeldToken;
  private refreshToken?: string;
  private staticHeader?: [string, string];
  private refreshes = 0;
  private grants = 0;
  private expiredDuringRun = 0;
  private suspect = false;
  private tokenEndpoint?: TokenEndpoint;
  private refusalRecorded = false;

  private constructor(private readonly spec: CredentialSpec, private readonly deps: CredentialDeps) {}

  /** Resolves the secrets the spec names; a missing one is Kensa's configuration error, not the target's. */
  static async create(spec: CredentialSpec, deps: CredentialDeps): Promise<CredentialManager> {
    const manager = new CredentialManager(spec, deps);
    const need = async (name: string) => {
      const value = await deps.secrets.get(name);
      if (value === undefined) throw new KensaError("bad_config", `secret ${name} is not set`, { secret: name });
      deps.redactor.add(value);
      return value;
    };
    switch (spec.kind) {
      case "none":
        break;
      case "bearer": {
        const value = await need(spec.tokenSecret);
        const times = jwtTimes(value);
        manager.token = { value, ...times, countedExpired: false };
        break;
      }
      case "header":
        manager.staticHeader = [spec.header.toLowerCase(), await need(spec.valueSecret)];
        break;
      case "oauth-client-credentials":
        await need(spec.clientIdSecret);
        await need(spec.clientSecretSecret);
        break;
      case "oauth-refresh":
        manager.refreshToken = await need(spec.refreshTokenSecret);
        await need(spec.clientIdSecret);
        if (spec.clientSecretSecret) await need(spec.clientSecretSecret);
        break;
    }
    return manager;
  }

  get mode(): CredentialSummary["mode"] {
    const kind = this.spec.kind;
    return kind === "none" ? "none" : kind === "bearer" || kind === "header" ? "static" : kind;
  }

  /** Headers for requests to the target's origin only. */
  headers(): Record<string, string> {
    if (this.staticHeader) return { [this.staticHeader[0]]: this.staticHeader[1] };
    return this.token ? { authorization: `Bearer ${this.token.value}` } : {};
  }

  /** Before a traffic step: refresh when due (or after a rejection), then report the token's state at send. */
  async beforeStep(): Promise<CredentialAtSend | undefined> {
    if (this.spec.kind === "none" || this.spec.kind === "header") return undefined;
    if (this.spec.kind !== "bearer" && (!this.token || this.suspect || this.due())) await this.obtain();
    const token = this.token;
    if (!token) return undefined;
    const now = this.deps.clock.now();
    const expired = token.expiresAtMs !== undefined && now >= token.expiresAtMs;
    if (expired && !token.countedExpired) {
      token.countedExpired = true;
      this.expiredDuringRun++;
    }
    return {
      expiredAtSend: expired,
      ...(token.issuedAtMs !== undefined ? { ageSec: Math.max(0, Math.round((now - token.issuedAtMs) / 1000)) } : {}),
    };
  }

  /** The server answered 401: whatever the clock says, try a fresh token before the next step. */
  noteRejected(): void {
    if (this.spec.kind === "oauth-refresh" || this.spec.kind === "oauth-client-credentials") this.suspect = true;
  }

  summary(): CredentialSummary {
    const token = this.token;
    return {
      mode: this.mode,
      ...(token?.issuedAtMs !== undefined ? { issuedAt: new Date(token.issuedAtMs).toISOString() } : {}),
      ...(token?.issuedAtMs !== undefined && token.expiresAtMs !== undefined ? { expiresInSec: Math.round((token.expiresAtMs - token.issuedAtMs) / 1000) } : {}),
      refreshes: this.refreshes,
      expiredDuringRun: this.expiredDuringRun,
    };
  }

  /** Refresh ahead of expiry by 10% of the lifetime, at most a minute. */
  private due(): boolean {
    const token = this.token;
    if (!token?.expiresAtMs || token.issuedAtMs === undefined) return false;
    const skew = Math.min(60_000, (token.expiresAtMs - token.issuedAtMs) * 0.1);
    return this.deps.clock.now() >= token.expiresAtMs - skew;
  }

  private async obtain(): Promise<void> {
    const spec = this.spec;
    if (spec.kind !== "oauth-refresh" && spec.kind !== "oauth-client-credentials") return;
    this.suspect = false;
    this.tokenEndpoint ??= spec.tokenUrl ? { ok: true, url: spec.tokenUrl } : await this.deps.discoverTokenEndpoint();
    const tokenEndpoint = this.tokenEndpoint;
    // A refused endpoint is recorded once, as a failed grant that sent nothing; later steps show the 401s.
    if (!tokenEndpoint.ok) {
      if (this.refusalRecorded) return;
      this.refusalRecorded = true;
    }
    const clientId = (await this.deps.secrets.get(spec.clientIdSecret))!;
    const clientSecret = spec.clientSecretSecret ? await this.deps.secrets.get(spec.clientSecretSecret) : undefined;
    const isRefresh = spec.kind === "oauth-refresh";
    const result = await this.deps.grant({
      tokenEndpoint,
      grant: isRefresh ? "refresh_token" : "client_credentials",
      clientId,
      ...(clientSecret ? { clientSecret } : {}),
      ...(isRefresh && this.refreshToken ? { refreshToken: this.refreshToken } : {}),
      ...(spec.scope ? { scope: spec.scope } : {}),
      resource: this.deps.resource,
    });
    if (!result.ok) return; // keep the old token: the next step shows what an agent would have hit
    const issuedAtMs = this.deps.clock.now();
    if (this.grants++ > 0) this.refreshes++;
    this.token = {
      value: result.accessToken,
      issuedAtMs,
      ...(result.expiresInSec !== undefined ? { expiresAtMs: issuedAtMs + result.expiresInSec * 1000 } : {}),
      countedExpired: false,
    };
    if (result.refreshToken) this.refreshToken = result.refreshToken;
  }
}
