export { RecordingJobQueue } from "./recording-job-queue";
