// A job queue for tests of what gets enqueued: it records each add and runs nothing. Like BullMQ and the
// worker's in-process runner, it drops an add whose job id it has already taken.
import type { JobName } from "../jobs/definitions";
import type { AddOptions, JobQueue } from "../jobs/job-queue";

export class RecordingJobQueue implements JobQueue {
  readonly added: { name: JobName; payload: unknown; options?: AddOptions }[] = [];
  private readonly jobIds = new Set<string>();

  async add(name: JobName, payload: unknown, options?: AddOptions): Promise<void> {
    if (options?.jobId !== undefined) {
      if (this.jobIds.has(options.jobId)) return;
      this.jobIds.add(options.jobId);
    }
    this.added.push({ name, payload, ...(options ? { options } : {}) });
  }
}
