// @kensa/worker: the job handlers and runners (the job catalogue is @kensa/services'), and the runtime kensa start /
// worker / scheduler share.
export { parseWorkerEnv, parseBackfillEnv, probeCredentialEnv, installerEnv, WorkerEnv, BackfillEnv } from "./config";
export { openRuntime, packageRoot, type KensaRuntime, type Log } from "./runtime/open-runtime";
export { syncCatalogue } from "./runtime/sync-catalogue";
export { scheduledProbes, packageSchedules } from "./runtime/scheduled-probes";
export { installAllPackages, packageServices, type PackageInstallReport } from "./runtime/package-installs";
export { createPackageProber, packageProbeLimits } from "./runtime/package-prober";
export { handlePackageProbe } from "./handlers/package-probe";
export { syncSchedules, schedulerId, type ScheduledProbe } from "./runtime/bullmq-schedules";
export { InProcessScheduler } from "./runtime/in-process-scheduler";
export { backfillHistory, type BackfillReport } from "./runtime/backfill";
export { createServiceProber, sandboxTargets, liveTargets, type TargetResolver, type ResolvedTarget } from "./runtime/service-prober";
export { workerSecretSource } from "./runtime/secret-source";
export { InProcessRunner } from "./runtime/in-process-runner";
export { evidenceFromStored, type StoredEvidence } from "./handlers/stored-evidence";
