import { expect, it } from "vitest";
import { authorizationServerMetadataUrls, protectedResourceMetadataUrls } from "./well-known";

it("tries the path-aware protected-resource form first, then the root form", () => {
  expect(protectedResourceMetadataUrls(new URL("https://api.example.com/v1/mcp/"))).toEqual([
    "https://api.example.com/.well-known/oauth-protected-resource/v1/mcp",
    "https://api.example.com/.well-known/oauth-protected-resource",
  ]);
  expect(protectedResourceMetadataUrls(new URL("https://mcp.example.com"))).toEqual(["https://mcp.example.com/.well-known/oauth-protected-resource"]);
});

it("tries RFC 8414 then OIDC forms for issuers with and without a path", () => {
  expect(authorizationServerMetadataUrls(new URL("https://auth.example.com/tenant1"))).toEqual([
    "https://auth.example.com/.well-known/oauth-authorization-server/tenant1",
    "https://auth.example.com/.well-known/openid-configuration/tenant1",
    "https://auth.example.com/tenant1/.well-known/openid-configuration",
  ]);
  expect(authorizationServerMetadataUrls(new URL("https://auth.example.com/"))).toEqual([
    "https://auth.example.com/.well-known/oauth-authorization-server",
    "https://auth.example.com/.well-known/openid-configuration",
  ]);
});
