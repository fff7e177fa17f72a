// docs/methodology.md must explain every number a vendor can see: this keeps it in step with the code.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { capIds } from "./caps";
import { evidenceFromRuns } from "./evidence-from-runs";
import { gradeBands } from "./grade";
import { gradeService } from "./grade-service";
import { AxisName, axisLabels, axisWeights, METHODOLOGY_VERSION, stagedMethodology } from "./methodology";
import { freeeRuns, serverError, slackRuns } from "./seed-fixtures";

const docs = new URL("../../../../docs/", import.meta.url);
const doc = readFileSync(new URL("methodology.md", docs), "utf8");
/** A staged version's items may be documented in a file of their own beside it (docs/methodology-1.2-*.md). */
const stagedDocs = readdirSync(docs).filter((f) => /^methodology-\d+\.\d+-.*\.md$/.test(f)).map((f) => readFileSync(new URL(f, docs), "utf8")).join("\n");
const grade = (s: ReturnType<typeof freeeRuns>) => gradeService(evidenceFromRuns(s.runs, s.context));

describe("docs/methodology.md", () => {
  it("states the current version and has a changelog entry for it", () => {
    expect(doc).toContain(`**Version ${METHODOLOGY_VERSION}.**`);
    expect(doc).toContain(`- **${METHODOLOGY_VERSION}**`);
  });

  it("gives every axis its weight and every band its minimum", () => {
    for (const axis of AxisName.options.filter((a) => axisWeights[a] > 0)) expect(doc).toContain(`| ${axisLabels[axis]} | ${axisWeights[axis]} |`);
    for (const band of gradeBands.slice(0, -1)) expect(doc).toMatch(new RegExp(`\\| ${band.grade} \\| ${band.minScore} –`));
  });

  it("documents the staged version: its section, its weights, its changelog entry and every finding it adds", () => {
    if (stagedMethodology === null) return;
    const v = stagedMethodology.version;
    const section = doc.slice(doc.indexOf(`## 10. Methodology ${v} (staged)`), doc.indexOf("## Changelog"));
    expect(section.length).toBeGreaterThan(0);
    expect(doc).toContain(`**Staged: version ${v}**`);
    expect(doc).toContain(`- **${v}** (staged, effective ${stagedMethodology.effectiveFrom})`);
    for (const axis of AxisName.options) expect(section).toContain(`| ${axisLabels[axis]} | ${stagedMethodology.axisWeights[axis]} |`);
    const future = grade(freeeRuns()).future!;
    expect(future.methodologyVersion).toBe(v);
    for (const finding of future.newFindings) expect(doc + stagedDocs, finding.id).toContain(`| \`${finding.id.split(".")[1]}\` |`);
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
