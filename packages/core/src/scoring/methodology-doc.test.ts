// docs/methodology.md must explain every number a vendor can see: this keeps it in step with the code.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { capIds } from "./caps";
import { evidenceFromRuns } from "./evidence-from-runs";
import { gradeBands } from "./grade";
import { gradeService } from "./grade-service";
import { AxisName, axisLabels, axisWeights, METHODOLOGY_VERSION } from "./methodology";
import { freeeRuns, serverError, slackRuns } from "./seed-fixtures";

const doc = readFileSync(new URL("../../../../docs/methodology.md", import.meta.url), "utf8");
const grade = (s: ReturnType<typeof freeeRuns>) => gradeService(evidenceFromRuns(s.runs, s.context));

describe("docs/methodology.md", () => {
  it("states the current version and has a changelog entry for it", () => {
    expect(doc).toContain(`**Version ${METHODOLOGY_VERSION}.**`);
    expect(doc).toContain(`- **${METHODOLOGY_VERSION}**`);
  });

  it("gives every axis its weight and every band its minimum", () => {
    for (const axis of AxisName.options) expect(doc).toContain(`| ${axisLabels[axis]} | ${axisWeights[axis]} |`);
    for (const band of gradeBands.slice(0, -1)) expect(doc).toMatch(new RegExp(`\\| ${band.grade} \\| ${band.minScore} –`));
  });

  it("explains every cap and floor", () => {
    for (const id of capIds) expect(doc).toContain(`\`${id}\``);
  });

  it("explains every finding a report can contain", () => {
    for (const axis of Object.values(grade(freeeRuns()).axes)) {
      for (const finding of axis.findings) expect(doc).toContain(`| \`${finding.id.split(".")[1]}\` |`);
    }
  });

  it("the worked example's numbers are what the code computes", () => {
    const freee = grade(freeeRuns());
    expect(doc).toContain(`→ **${freee.score}**`);
    expect(doc).toContain(`**Grade ${freee.grade}**`);
    expect(doc).toContain(`→ ${freee.nextGrade!.scoreAfterFixes}.`);
    const allVendor = grade(freeeRuns([{ outcome: serverError, count: 17 }]));
    expect(doc).toContain(`**${allVendor.grade}** (${allVendor.score})`);
    const slack = grade(slackRuns());
    expect(doc).toContain(`**${slack.grade}**\n(${slack.score})`);
  });
});
