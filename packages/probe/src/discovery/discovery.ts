// The OAuth discovery documents of one probe, fetched once and shared by the readiness checks and the
// credential manager (which needs the token endpoint). Each lookup keeps every attempt as evidence.
import type { Redactor } from "../evidence/redactor";
import type { FetchLike } from "../net/guarded-fetch";
import { httpJson, isObject, type HttpJson } from "./http-json";
import { authorizationServerMetadataUrls, protectedResourceMetadataUrls } from "./well-known";

export interface FoundDocument {
  url: string;
  json: Record<string, unknown>;
}

export interface Lookup {
  found?: FoundDocument;
  attempts: HttpJson[];
}

export class Discovery {
  private readonly cache = new Map<string, Promise<HttpJson>>();
  private prm?: Promise<Lookup>;
  private readonly as = new Map<string, Promise<Lookup>>();

  constructor(
    private readonly fetch: FetchLike,
    readonly endpoint: URL,
    private readonly redactor: Redactor,
    private readonly maxDepth: number,
  ) {}

  get(url: string): Promise<HttpJson> {
    let pending = this.cache.get(url);
    if (!pending) {
      pending = httpJson(this.fetch, url, { method: "GET", headers: { accept: "application/json" } }, this.redactor, this.maxDepth);
      this.cache.set(url, pending);
    }
    return pending;
  }

  /** RFC 9728 metadata: the URL the 401 challenge named first (when given), then the well-known forms. */
  protectedResource(hint?: string): Promise<Lookup> {
    this.prm ??= this.firstDocument([...(hint ? [hint] : []), ...protectedResourceMetadataUrls(this.endpoint)]);
    return this.prm;
  }

  authorizationServer(issuer: string): Promise<Lookup> {
    let pending = this.as.get(issuer);
    if (!pending) {
      let urls: string[];
      try {
        urls = authorizationServerMetadataUrls(new URL(issuer));
      } catch {
        urls = [];
      }
      pending = this.firstDocument(urls);
      this.as.set(issuer, pending);
    }
    return pending;
  }

  private async firstDocument(urls: string[]): Promise<Lookup> {
    const attempts: HttpJson[] = [];
    for (const url of [...new Set(urls)]) {
      const result = await this.get(url);
      attempts.push(result);
      if (result.ok && result.status === 200 && isObject(result.json)) return { found: { url, json: result.json }, attempts };
      // A refused or timed-out fetch is not "absent": stop rather than hammer the next URL.
      if (!result.ok && result.failure.kind !== "network-error") break;
    }
    return { attempts };
  }
}
