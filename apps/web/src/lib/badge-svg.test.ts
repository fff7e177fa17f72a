import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { badgeSvg } from "./badge-svg";

const parse = (svg: string) => new XMLParser({ ignoreAttributes: false }).parse(svg);

describe("badgeSvg", () => {
  it("is well-formed SVG naming the grade and methodology version", () => {
    const svg = badgeSvg({ grade: "AA", methodologyVersion: "1.0.0" });
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = parse(svg);
    expect(doc.svg["@_xmlns"]).toBe("http://www.w3.org/2000/svg");
    expect(doc.svg.title).toContain("AA");
    expect(svg).toContain("v1.0.0");
  });

  it("says 'not graded' for an unknown or invalid grade, still well-formed", () => {
    for (const grade of [null, "ZZZ", "<script>"]) {
      const svg = badgeSvg({ grade });
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(svg).toContain("not graded");
      expect(svg).not.toContain("<script>");
    }
  });

  it("escapes a hostile methodology version", () => {
    const svg = badgeSvg({ grade: "A", methodologyVersion: '1"><script>alert(1)</script>' });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain("<script>");
  });

  it("marks provisional and sandbox grades", () => {
    const svg = badgeSvg({ grade: "BBB", provisional: true, sandbox: true });
    expect(svg).toContain("BBB?");
    expect(svg).toContain("sandbox");
  });

  it("marks a partial grade, and only a partial one", () => {
    expect(badgeSvg({ grade: "BB", provisional: true, partial: true, methodologyVersion: "1.1.3" })).toContain(">BB? · partial · v1.1.3<");
    expect(badgeSvg({ grade: "BB", provisional: true, methodologyVersion: "1.1.3" })).not.toContain("partial");
  });
});
