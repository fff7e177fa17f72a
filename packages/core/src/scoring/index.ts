export {
  METHODOLOGY_VERSION, AxisName, axisLabels, axisWeights, latency as latencyScale, currentMethodology, stagedMethodology,
  methodology_1_1_2, methodology_1_2_0, toolDefinitionRules, type Methodology,
} from "./methodology";
export { itemsIntroducedIn, itemSince, itemInEffect, capsIntroducedIn, capInEffect } from "./item-versions";
export { versionBefore } from "./version-order";
export { toolNamePattern } from "./tool-quality/tool-rules";
export { Grade, gradeOrder, gradeBands, gradeForScore, gradeRank, minScoreOf, maxScoreOf, betterGrade } from "./grade";
export { wilsonLowerBound } from "./wilson";
export { GradeEvidence, PathTraffic, CheckEvidence, scoredCheckFacts } from "./evidence";
export { evidenceFromAggregates, type EvidenceInput } from "./evidence-from-aggregates";
export { evidenceFromRuns, latestCheckResults, type RunsContext } from "./evidence-from-runs";
export { addErrorShape, tallyErrorShapes, type ErrorShapeTally, type ShapeFacts } from "./error-shapes";
export { addRunCredential, addStepShape, addTally, emptyTally, tallyRun, windowTally, type RunTally } from "./run-tally";
export { carriesVendorCredential, summaryRunOf, vendorCredentialPaths, vendorCredentialTraffic } from "./vendor-credential";
export { canonicalJson, evidenceHash } from "./evidence-hash";
export { GradeReport, AxisReport, Finding, EvidenceStatus, AppliedCapReport, FixReport, NextGradeReport, FutureGrade, isJudgedAxis } from "./grade-report";
export { gradeService, type GradeOptions } from "./grade-service";
export { parseStoredGradeReport } from "./stored-grade-report";
export { sampleCappedReport } from "./sample-report";
export { AuthMethodBasis, AuthObservationEvidence, ShownAuthMethod, observedAuthMethod, shownAuthMethod } from "./observed-auth-method";
export { capIds, type CapId } from "./caps";
export { Coverage, CoverageReason, coverageOfCaps, coverageReasonText, gradeCoverage, partialCoverageCap, type GradeCoverage } from "./coverage";
export { itemIds, isItemId, toolItemIds, type ItemId } from "./item-ids";
export { callsProving95 } from "./axes/reliability";
export { protocolItems12, protocolItemIds12, protocolItemsSince, protocolPoints12, type ProtocolItemId12 } from "./items-1-2-protocol";
export { protocolCaps12 } from "./caps-1-2-protocol";
