import { describe, expect, it } from "vitest";
import { profileLibrary } from "./profile-library";
import { eraPostureOf, mirroredHeadersOf, protocolEraMix, protocolErasOf } from "./protocol-eras";

const base = profileLibrary["oauth-solid"];

describe("protocolErasOf", () => {
  it("keeps a set value, newest era first", () => {
    expect(protocolErasOf("x", { protocolEras: ["initialize", "modern"] })).toEqual(["modern", "initialize"]);
    expect(protocolErasOf("x", { protocolEras: ["modern"] })).toEqual(["modern"]);
  });

  it("draws an unset value from the id: stable per id, near the target mix over many ids", () => {
    expect(protocolErasOf("svc-42", base)).toEqual(protocolErasOf("svc-42", base));
    const n = 4_000;
    const counts = { initialize: 0, dual: 0, modern: 0 };
    for (let i = 0; i < n; i++) counts[eraPostureOf(protocolErasOf(`svc-${i}`, base))] += 1;
    for (const posture of ["initialize", "dual", "modern"] as const) expect(Math.abs(counts[posture] / n - protocolEraMix[posture]), posture).toBeLessThan(0.03);
  });

  it("passes the mirrored headers unless told or drawn to mangle", () => {
    expect(mirroredHeadersOf("x", { gateway: { ...base.gateway, mirroredHeaders: "mangle" } })).toBe("mangle");
    const mangled = Array.from({ length: 2_000 }, (_, i) => mirroredHeadersOf(`svc-${i}`, base)).filter((m) => m === "mangle").length;
    expect(mangled).toBeGreaterThan(100);
    expect(mangled).toBeLessThan(400);
  });
});
