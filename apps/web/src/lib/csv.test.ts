import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("round-trips quotes, commas, newlines and Japanese through a standard parser", () => {
    const rows = [["a,b", 'say "hi"', "line1\nline2", "株式会社さくら", 1.5, true, null]];
    const csv = toCsv(["c1", "c2", "c3", "c4", "c5", "c6", "c7"], rows);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[1]).toEqual(["a,b", 'say "hi"', "line1\nline2", "株式会社さくら", "1.5", "true", ""]);
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    const csv = toCsv(["x"], [["=HYPERLINK(\"http://evil\")"], ["+1"], ["@SUM(A1)"], ["-2"]]);
    const cells = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.slice(1).map((r) => r[0]);
    expect(cells.every((c) => c!.startsWith("'"))).toBe(true);
  });
});
