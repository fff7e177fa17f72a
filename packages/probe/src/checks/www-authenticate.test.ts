import { expect, it } from "vitest";
import { parseBearerChallenge } from "./www-authenticate";

it.each([
  ['Bearer resource_metadata="https://a/.well-known/oauth-protected-resource", scope="read write"', { resource_metadata: "https://a/.well-known/oauth-protected-resource", scope: "read write" }],
  ['Bearer error="invalid_token", error_description="The token \\"x\\" expired"', { error: "invalid_token", error_description: 'The token "x" expired' }],
  ['Basic realm="x", Bearer realm=api, scope=read', { realm: "api", scope: "read" }],
  ["bearer", {}],
])("parses %s", (header, params) => {
  expect(parseBearerChallenge(header)?.params).toEqual(params);
});

it("finds no Bearer challenge where there is none", () => {
  expect(parseBearerChallenge('Basic realm="x"')).toBeUndefined();
  expect(parseBearerChallenge(undefined)).toBeUndefined();
});
