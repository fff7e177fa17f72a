import { describe, expect, it } from "vitest";
import { Discovery } from "../discovery/discovery";
import { Redactor } from "../evidence/redactor";
import { discoverTokenEndpoint } from "./token-endpoint";

// Each row: the documents an https endpoint's origin (and its authorization server) serve, and whether a grant
// may go to the token endpoint they name. Documents are served from memory: the decision is under test here;
// credentials.test.ts runs the same lies through real fixture servers.
const endpoint = "https://mcp.example.com/mcp";
const prmPath = "https://mcp.example.com/.well-known/oauth-protected-resource/mcp";
const prmRoot = "https://mcp.example.com/.well-known/oauth-protected-resource";
const asMeta = "https://auth.example.com/.well-known/oauth-authorization-server";
const goodPrm = { resource: endpoint, authorization_servers: ["https://auth.example.com"] };
const goodAs = { issuer: "https://auth.example.com", token_endpoint: "https://auth.example.com/token" };

function discovery(documents: Record<string, unknown>): Discovery {
  const fetch = async (url: string | URL) => {
    const doc = documents[String(url)];
    return doc === undefined ? new Response("not found", { status: 404 }) : Response.json(doc);
  };
  return new Discovery(fetch, new URL(endpoint), new Redactor(), 64);
}

describe("discoverTokenEndpoint: RFC 9728 resource and RFC 8414 issuer validated before any grant", () => {
  it.each([
    ["metadata that gets everything right", { [prmPath]: goodPrm, [asMeta]: goodAs }],
    ["a trailing slash on resource and issuer", { [prmPath]: { ...goodPrm, resource: `${endpoint}/` }, [asMeta]: { ...goodAs, issuer: "https://auth.example.com/" } }],
    ["root-form metadata naming the origin", { [prmRoot]: { ...goodPrm, resource: "https://mcp.example.com" }, [asMeta]: goodAs }],
  ])("accepts %s", async (_, documents) => {
    expect(await discoverTokenEndpoint(discovery(documents), new Redactor())).toEqual({ ok: true, url: "https://auth.example.com/token" });
  });

  it.each([
    ["a resource naming another server", { [prmPath]: { ...goodPrm, resource: "https://evil.example/mcp" }, [asMeta]: goodAs }, /RFC 9728 §3\.3: .*names resource "https:\/\/evil\.example\/mcp", not this endpoint/],
    ["no resource at all", { [prmPath]: { authorization_servers: goodPrm.authorization_servers }, [asMeta]: goodAs }, /RFC 9728 §3\.3: .*names resource nothing/],
    ["path-aware metadata naming only the origin", { [prmPath]: { ...goodPrm, resource: "https://mcp.example.com" }, [asMeta]: goodAs }, /RFC 9728 §3\.3/],
    ["no authorization server", { [prmPath]: { resource: endpoint } }, /names no authorization server/],
    ["an issuer that is not the one discovered", { [prmPath]: goodPrm, [asMeta]: { ...goodAs, issuer: "https://accounts.evil.example" } }, /RFC 8414 §3\.3: .*declares issuer "https:\/\/accounts\.evil\.example", but it was discovered for https:\/\/auth\.example\.com/],
    ["metadata without an issuer", { [prmPath]: goodPrm, [asMeta]: { token_endpoint: goodAs.token_endpoint } }, /RFC 8414 §3\.3: .*declares issuer nothing/],
    ["an http authorization server for an https endpoint", { [prmPath]: { ...goodPrm, authorization_servers: ["http://auth.example.com"] } }, /authorization server http:\/\/auth\.example\.com\/? is not https/],
    ["an http token endpoint for an https endpoint", { [prmPath]: goodPrm, [asMeta]: { ...goodAs, token_endpoint: "http://auth.example.com/token" } }, /token endpoint http:\/\/auth\.example\.com\/token is not https/],
    ["a token endpoint that is not http(s)", { [prmPath]: goodPrm, [asMeta]: { ...goodAs, token_endpoint: "javascript:alert(1)" } }, /no http\(s\) token_endpoint/],
    ["no protected-resource metadata", {}, /no RFC 9728 protected-resource metadata was found \(.*→ 404.*→ 404\)/],
    ["no authorization-server metadata", { [prmPath]: goodPrm }, /no RFC 8414 metadata for the issuer https:\/\/auth\.example\.com/],
  ])("refuses %s, with the reason", async (_, documents, reason) => {
    const found = await discoverTokenEndpoint(discovery(documents), new Redactor());
    expect(found.ok).toBe(false);
    if (found.ok) return;
    expect(found.reason).toMatch(reason);
    expect(found.outcome).toEqual({ kind: "protocol-violation", violation: "unexpected-response", detail: `no token request was sent: ${found.reason}` });
  });

  it("has nothing to discover for a stdio server", async () => {
    expect(await discoverTokenEndpoint(undefined, new Redactor())).toMatchObject({ ok: false, reason: /stdio/ });
  });
});
