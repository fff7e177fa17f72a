import { describe, expect, it } from "vitest";
import { parseWwwAuthenticate } from "./www-authenticate";

describe("parseWwwAuthenticate", () => {
  it.each<[string, string | undefined, Record<string, string> | undefined]>([
    ["RFC 6750 error with description", 'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
      { realm: "example", error: "invalid_token", error_description: "The access token expired" }],
    ["RFC 9728 resource_metadata and scope", 'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource", scope="files:read files:write"',
      { resource_metadata: "https://mcp.example.com/.well-known/oauth-protected-resource", scope: "files:read files:write" }],
    ["unquoted values and escaped quotes", 'Bearer error=insufficient_scope, error_description="needs \\"admin\\""', { error: "insufficient_scope", error_description: 'needs "admin"' }],
    ["the first challenge's parameter wins", 'Bearer error="invalid_token", Basic realm="x", error="other"', { error: "invalid_token", realm: "x" }],
    ["an empty header", "", undefined],
    ["no header", undefined, undefined],
  ])("%s", (_, header, params) => {
    const parsed = parseWwwAuthenticate(header);
    if (params === undefined) return expect(parsed).toBeUndefined();
    expect(parsed?.params).toEqual(params);
  });

  it("reads the scheme", () => {
    expect(parseWwwAuthenticate('Bearer error="x"')?.scheme).toBe("Bearer");
  });
});
