// @kensa/worker: the job catalogue, handlers and runners, and the runtime kensa start / worker / scheduler share.
export { parseWorkerEnv, parseBackfillEnv, probeCredentialEnv, WorkerEnv, BackfillEnv } from "./config";
export { jobDefinitions, jobNames, type JobName, type JobPayload } from "./jobs/definitions";
export { probeJobId, runIdempotencyKey, runIdFor, alignTick } from "./jobs/keys";
export { openRuntime, type KensaRuntime, type Log } from "./runtime/open-runtime";
export { syncCatalogue } from "./runtime/sync-catalogue";
export { scheduledProbes } from "./runtime/scheduled-probes";
export { syncSchedules, schedulerId, type ScheduledProbe } from "./runtime/bullmq-schedules";
export { InProcessScheduler } from "./runtime/in-process-scheduler";
export { backfillHistory, type BackfillReport } from "./runtime/backfill";
export type { JobQueue } from "./runtime/job-queue";
export { createServiceProber, sandboxTargets, liveTargets, type TargetResolver, type ResolvedTarget } from "./runtime/service-prober";
export { workerSecretSource } from "./runtime/secret-source";
export { requestReprobe, reprobeSlotMs, type ReprobeDecision } from "./reprobe/request-reprobe";
export { InProcessRunner } from "./runtime/in-process-runner";
export { regradeOnMethodologyChange } from "./runtime/methodology-regrade";
export { evidenceFromStored, type StoredEvidence } from "./handlers/stored-evidence";
