// What the web process needs to accept re-probes: the decision and a BullMQ queue — without the rest of the
// worker (probe engine, sandbox) in its bundle.
export { requestReprobe, reprobeSlotMs, reprobesPerTokenPerHour, type ReprobeDecision, type ReprobeDeps } from "./request-reprobe";
export { BullmqJobQueue } from "../runtime/bullmq-runner";
export type { JobQueue } from "../runtime/job-queue";
