// The grade of one scan, from the same classifier and scoring the workers use: the run becomes grading
// evidence exactly as stored runs do (evidenceFromRuns → gradeService). A scan knows no declared facts,
// so everything declared is "unknown" and only what was observed counts. A stdio server run on placeholder
// configuration (--dummy-config) held no working credential of ours: its grade is partial.
import { evidenceFromRuns, gradeService, type GradeReport, type ProbeRunRecord } from "@kensa/core";

export function gradeScan(run: ProbeRunRecord, options: { dummyConfig?: boolean } = {}): GradeReport {
  return gradeService(evidenceFromRuns([run], { declared: {}, authMethod: "unknown", ...(options.dummyConfig ? { dummyCredential: true } : {}) }));
}
