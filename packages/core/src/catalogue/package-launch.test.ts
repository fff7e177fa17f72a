import { describe, expect, it } from "vitest";
import { dummyPlaceholder, packageFolderName, packageLaunchOf } from "./package-launch";
import { PackageServer, type PublishedServer } from "./published-server";

const integrity = `sha512-${"B".repeat(86)}==`;
const pkg = (over: Record<string, unknown> = {}) =>
  PackageServer.parse({ kind: "package", registry: "npm", name: "@acme/mcp", version: "1.2.3", integrity, bin: "acme-mcp", owner: "vendor", publisher: "Acme", source: "https://acme.example/mcp", ...over });

describe("packageLaunchOf", () => {
  it("starts the vendor's pinned npm package with every required variable set to its documented dummy or the placeholder", () => {
    const launch = packageLaunchOf([pkg({ requiredEnv: ["ACME_TOKEN", "ACME_REGION"], dummyEnv: { ACME_REGION: "eu" }, args: ["serve"] })]);
    expect(launch).toEqual({ name: "@acme/mcp", version: "1.2.3", integrity, bin: "acme-mcp", args: ["serve"], env: { ACME_TOKEN: dummyPlaceholder, ACME_REGION: "eu" } });
  });

  it("never starts a third party's package, an unpinned one, or one without an executable", () => {
    const third = PackageServer.parse({ kind: "package", registry: "npm", name: "acme-mcp-community", bin: "x", owner: "third_party", publisher: "someone", source: "https://github.com/someone/x" });
    const servers: PublishedServer[] = [third, { ...pkg(), bin: undefined } as PublishedServer];
    expect(packageLaunchOf(servers)).toBeUndefined();
  });

  it("refuses a dummy for a variable the package does not need", () => {
    expect(() => pkg({ requiredEnv: ["A_KEY"], dummyEnv: { B_KEY: "x" } })).toThrow(/requiredEnv/);
  });

  it("names the install folder by name and version, scope flattened", () => {
    expect(packageFolderName({ name: "@acme/mcp", version: "1.2.3" })).toBe("acme__mcp@1.2.3");
    expect(packageFolderName({ name: "plain-mcp", version: "0.1.0" })).toBe("plain-mcp@0.1.0");
  });
});
