// @kensa/services: what Kensa does, one verb per file, over @kensa/db and a job-enqueue port. The web app,
// the worker and the CLI call these; none of them reaches into another app.
export { jobDefinitions, jobNames, isJobName, backoffDelay, ProbeRunPayload, PackageProbePayload, GradeComputePayload, RollupRebuildPayload, type JobDefinition, type JobName, type JobPayload } from "./jobs/definitions";
export { probeJobId, runIdempotencyKey, runIdFor, alignTick, packageJobId, packageRunIdempotencyKey } from "./jobs/keys";
export { readinessCheckSlot, readinessCheckTick, runsReadinessChecks, type CheckSlotKey } from "./jobs/readiness-check-slot";
export type { AddOptions, JobQueue } from "./jobs/job-queue";
export { BullmqJobQueue, jobOptions, queueName, type BullmqSettings } from "./jobs/bullmq-job-queue";
export { requestReprobe, reprobeSlotMs, reprobesPerTokenPerHour, type ReprobeDecision, type ReprobeDeps } from "./request-reprobe";
export { regradeOnMethodologyChange } from "./regrade-on-methodology-change";
export { databaseCatalogueLookup, type CatalogueLookup } from "./catalogue-lookup";
export { reportOutcome, reportOutcomeTool, reportRateLimits, ReportOutcomeInput, ReportOutcomeOutput, ReportOutcomeError, ReportOutcomeErrorCode, type ReportOutcomeResult, type ReportOutcomeDeps, type ReportRateLimits } from "./report-outcome";
export { reporterFromAuthorization } from "./authenticate-reporter";
export { ingestOtlpTraces, type OtlpIngestResult } from "./ingest-otlp-traces";
