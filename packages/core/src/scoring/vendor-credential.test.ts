import { describe, expect, it } from "vitest";
import type { RunPath } from "../probe/probe-record";
import { carriesVendorCredential, summaryRunOf, vendorCredentialPaths } from "./vendor-credential";

describe("a gateway's credential is not the vendor's", () => {
  it.each<[RunPath, boolean]>([
    ["direct", true],
    ["gateway", false],
  ])("a run on the %s path carries the vendor's credential: %s", (path, expected) => {
    expect(carriesVendorCredential(path)).toBe(expected);
  });

  it("lists only the direct path for queries", () => {
    expect(vendorCredentialPaths).toEqual(["direct"]);
  });

  it.each<[string, { id: string; path: RunPath }[], string | undefined]>([
    ["no runs: none", [], undefined],
    ["the newest run when it is direct", [{ id: "d2", path: "direct" }, { id: "g1", path: "gateway" }], "d2"],
    ["the newest direct run over a newer gateway run", [{ id: "g2", path: "gateway" }, { id: "d1", path: "direct" }, { id: "d0", path: "direct" }], "d1"],
    ["the newest gateway run when no run went direct (its tools still count)", [{ id: "g2", path: "gateway" }, { id: "g1", path: "gateway" }], "g2"],
  ])("reads the summary of %s", (_, newestFirst, expected) => {
    expect(summaryRunOf(newestFirst)?.id).toBe(expected);
  });
});
