// The embedded default's scheduler: every poll it enqueues each (service, path) whose aligned tick has
// moved on, reading time from the shared Clock — so under the sandbox's fast clock, intervals shrink with it.
import type { Clock } from "@kensa/core";
import { alignTick, type JobQueue, packageJobId, probeJobId } from "@kensa/services";
import { scheduledJob, schedulerId, type ScheduleSyncReport, type ScheduledProbe } from "./bullmq-schedules";

export class InProcessScheduler {
  private probes = new Map<string, ScheduledProbe>();
  private lastTick = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly pollMs = 1_000,
  ) {}

  sync(wanted: readonly ScheduledProbe[]): ScheduleSyncReport {
    const report: ScheduleSyncReport = { added: [], changed: [], removed: [], unchanged: 0 };
    const next = new Map(wanted.map((p) => [schedulerId(p), p]));
    for (const [id, probe] of next) {
      const before = this.probes.get(id);
      if (!before) report.added.push(id);
      else if (before.intervalMs !== probe.intervalMs) report.changed.push(id);
      else report.unchanged += 1;
    }
    for (const id of this.probes.keys()) {
      if (!next.has(id)) {
        report.removed.push(id);
        this.lastTick.delete(id);
      }
    }
    this.probes = next;
    return report;
  }

  /** Enqueues every due run; returns how many. */
  async poll(): Promise<number> {
    const now = this.clock.now();
    let due = 0;
    for (const [id, probe] of this.probes) {
      const tick = alignTick(now, probe.intervalMs);
      if ((this.lastTick.get(id) ?? -Infinity) >= tick) continue;
      this.lastTick.set(id, tick);
      const job = scheduledJob(probe);
      if (job.name === "package.probe") await this.queue.add(job.name, { ...job.data, tick }, { jobId: packageJobId({ ...job.data, tick }) });
      else await this.queue.add(job.name, { ...job.data, tick }, { jobId: probeJobId({ ...job.data, tick }) });
      due += 1;
    }
    return due;
  }

  start(onError: (error: unknown) => void): void {
    this.timer ??= setInterval(() => void this.poll().catch(onError), this.pollMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
