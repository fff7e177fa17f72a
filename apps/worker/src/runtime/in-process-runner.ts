import { type AddOptions, backoffDelay, jobDefinitions, type JobName, type JobPayload, type JobQueue } from "@kensa/services";
import { UnrecoverableJobError } from "./unrecoverable-job-error";
// The embedded default's runner: the same handlers, called directly with bounded concurrency and the same
// retry policy as BullMQ. Not a second queue: nothing is persisted; the database's idempotency keys are the
// guarantee, exactly as with BullMQ.

interface Pending {
  name: JobName;
  payload: unknown;
  jobId?: string;
  dedupeId?: string;
  failures: number;
}

/** Per dedupe id: whether its job is running, and the one follow-up kept while it runs (as BullMQ's keepLastIfActive). */
interface Dedupe {
  active: boolean;
  next?: Pending;
}

export interface JobFailure {
  name: JobName;
  payload: unknown;
  error: unknown;
  /** True when no retry will follow (unrecoverable, or attempts exhausted). */
  final: boolean;
}

export class InProcessRunner implements JobQueue {
  private readonly waiting: Pending[] = [];
  private readonly jobIds = new Set<string>();
  private readonly dedupes = new Map<string, Dedupe>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private active = 0;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly execute: (name: JobName, payload: unknown) => Promise<unknown>,
    private readonly options: {
      concurrency: number;
      onFailure?: (failure: JobFailure) => void;
      /** Multiplies retry delays; tests shrink them, production keeps 1. */
      backoffScale?: number;
    },
  ) {}

  async add<N extends JobName>(name: N, payload: JobPayload<N>, options: AddOptions = {}): Promise<void> {
    if (this.closed) throw new Error("the in-process runner is closed");
    if (options.jobId !== undefined && this.jobIds.has(options.jobId)) return;
    const job: Pending = { name, payload, jobId: options.jobId, dedupeId: options.dedupeId, failures: 0 };
    if (options.dedupeId !== undefined) {
      const dedupe = this.dedupes.get(options.dedupeId);
      if (dedupe && !dedupe.active) return; // one is waiting: it will see the same evidence
      if (dedupe) {
        dedupe.next = job; // one is running on older evidence: run once more after it
        return;
      }
      this.dedupes.set(options.dedupeId, { active: false });
    }
    if (options.jobId !== undefined) this.jobIds.add(options.jobId);
    if (options.delayMs) this.later(options.delayMs, () => this.push(job));
    else this.push(job);
  }

  /** Resolves when nothing is waiting, running or scheduled for retry. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  get pending(): number {
    return this.waiting.length + this.active + this.timers.size;
  }

  /** Stops taking jobs, drops scheduled retries, waits for running jobs. */
  async close(): Promise<void> {
    this.closed = true;
    this.waiting.length = 0;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await this.idle();
  }

  private push(job: Pending): void {
    if (this.closed) return;
    this.waiting.push(job);
    this.pump();
  }

  private pump(): void {
    while (this.active < this.options.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.active += 1;
      if (job.dedupeId !== undefined) this.dedupes.get(job.dedupeId)!.active = true;
      void this.execute(job.name, job.payload)
        .then(() => this.forget(job), (error: unknown) => this.failed(job, error))
        .finally(() => {
          this.active -= 1;
          this.pump();
          if (this.isIdle()) this.idleWaiters.splice(0).forEach((resolve) => resolve());
        });
    }
  }

  private failed(job: Pending, error: unknown): void {
    job.failures += 1;
    if (job.dedupeId !== undefined) this.dedupes.get(job.dedupeId)!.active = false;
    const final = error instanceof UnrecoverableJobError || job.failures >= jobDefinitions[job.name].attempts || this.closed;
    this.options.onFailure?.({ name: job.name, payload: job.payload, error, final });
    if (final) this.forget(job);
    else this.later(backoffDelay(job.name, job.failures) * (this.options.backoffScale ?? 1), () => this.push(job));
  }

  /** Ids guard against duplicates while a job is pending; afterwards the database's idempotency keys take over. */
  private forget(job: Pending): void {
    if (job.jobId !== undefined) this.jobIds.delete(job.jobId);
    if (job.dedupeId === undefined) return;
    const next = this.dedupes.get(job.dedupeId)?.next;
    this.dedupes.delete(job.dedupeId);
    if (next && !this.closed) {
      this.dedupes.set(job.dedupeId, { active: false });
      this.push(next);
    }
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  private isIdle(): boolean {
    return this.waiting.length === 0 && this.active === 0 && this.timers.size === 0;
  }
}
