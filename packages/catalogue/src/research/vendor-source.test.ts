import { describe, expect, it } from "vitest";
import { registrableDomain, sourcedByVendor } from "./vendor-source";

describe("where a vendor's server is sourced", () => {
  it.each([
    ["https://docs.example.com/mcp", "example.com"],
    ["https://www.example.co.jp/", "example.co.jp"],
    ["https://example.com", "example.com"],
    ["not a url", null],
  ])("%s is under %s", (url, domain) => {
    expect(registrableDomain(url)).toBe(domain);
  });

  it.each([
    ["the vendor's own docs", { source: "https://developers.example.com/mcp" }, true],
    ["the domain the server runs on", { source: "https://docs.example.dev/mcp", url: "https://mcp.example.dev/mcp" }, true],
    ["the vendor's repository on GitHub", { source: "https://github.com/example/mcp-server" }, true],
    ["a directory page naming the vendor's server", { source: "https://mcpservers.org/servers/example", url: "https://mcp.example.com/mcp" }, false],
    ["a blog", { source: "https://blog.someone.dev/example-mcp" }, false],
  ])("%s", (_, server, expected) => {
    expect(sourcedByVendor(server, "https://www.example.com/")).toBe(expected);
  });
});
