import { describe, expect, it } from "vitest";
import { isKensaError } from "../errors/kensa-error";
import type { GradeReport } from "./grade-report";
import { METHODOLOGY_VERSION } from "./methodology";
import { parseStoredGradeReport, versionBefore } from "./stored-grade-report";
import { sampleCappedReport } from "./sample-report";

const realReport = sampleCappedReport;

const stored = (report: GradeReport): unknown => JSON.parse(JSON.stringify(report));
const withoutCapValues = (report: GradeReport, version: string): unknown => {
  const json = stored(report) as { methodologyVersion: string; caps: Record<string, unknown>[] };
  json.methodologyVersion = version;
  for (const cap of json.caps) delete cap.values;
  return json;
};

describe("parseStoredGradeReport", () => {
  const report = realReport();

  it("reads a report of this methodology version back as it was written", () => {
    expect(report.caps.length).toBeGreaterThan(0);
    expect(parseStoredGradeReport(stored(report), METHODOLOGY_VERSION)).toEqual(report);
  });

  it.each(["1.0.0", "1.1.0"])("gives the caps of a %s report, written before caps carried values, empty values", (version) => {
    const read = parseStoredGradeReport(withoutCapValues(report, version), version);
    expect(read.caps.map((c) => c.values)).toEqual(report.caps.map(() => ({})));
    expect(read.caps.map((c) => c.id)).toEqual(report.caps.map((c) => c.id));
    expect(read.methodologyVersion).toBe(version);
  });

  it("keeps the values a 1.1.0 report written after they were added carries", () => {
    const json = { ...(stored(report) as object), methodologyVersion: "1.1.0" };
    expect(parseStoredGradeReport(json, "1.1.0").caps).toEqual(report.caps);
  });

  it("refuses a 1.1.1 report without cap values: that version always wrote them", () => {
    const read = () => parseStoredGradeReport(withoutCapValues(report, "1.1.1"), "1.1.1");
    expect(read).toThrow(/report\.caps\.0\.values/);
    try {
      read();
    } catch (error) {
      expect(isKensaError(error, "internal")).toBe(true);
    }
  });

  it("reads the future grade a report carries while a version is staged", () => {
    expect(report.future).toBeDefined();
    expect(parseStoredGradeReport(stored(report), METHODOLOGY_VERSION).future).toEqual(report.future);
  });

  it("gives a 1.1.2 report written before the tools axis existed that axis, unjudged and weightless", () => {
    const json = stored(report) as { axes: Record<string, unknown> };
    delete json.axes.tools;
    const { future: _f, ...rest } = json as unknown as GradeReport;
    const read = parseStoredGradeReport(rest, "1.1.2");
    expect(read.axes.tools).toMatchObject({ weight: 0, score: null, findings: [] });
    expect(read.future).toBeUndefined();
  });

  it.each([["junk"], [null], [42], [{}], [{ ...realReport(), axes: [] }]])("refuses %j, naming what does not read", (json) => {
    expect(() => parseStoredGradeReport(json, METHODOLOGY_VERSION)).toThrow(/does not read as a GradeReport/);
  });
});

describe("versionBefore", () => {
  it.each<[string, string, boolean]>([
    ["1.0.0", "1.1.1", true],
    ["1.1.0", "1.1.1", true],
    ["1.1.1", "1.1.1", false],
    ["1.2.0", "1.1.1", false],
    ["1.10.0", "1.9.0", false],
    ["2", "1.1.1", false],
    ["1.1", "1.1.1", true],
    ["0.9.0", "1.1.1", true],
    ["dev", "1.1.1", true],
  ])("%s is before %s: %s", (version, than, expected) => {
    expect(versionBefore(version, than)).toBe(expected);
  });
});
