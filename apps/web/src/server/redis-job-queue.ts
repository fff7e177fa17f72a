// Re-probes from `next start` go to BullMQ over REDIS_URL. Unlike a worker, a web request must not wait out a
// Redis outage: commands fail rather than queue while Redis is away, and an enqueue that hangs anyway (Redis
// down since boot, or connected but silent) drops its connection, so the job can never be added after the
// caller was told 503. The next request connects afresh.
import { Redis } from "ioredis";
import { BullmqJobQueue, type JobQueue } from "@kensa/services";
import { enqueueDeadlineMs, withEnqueueDeadline } from "./enqueue-deadline";

export interface WebRedisSettings {
  url: string;
  /** Redis key prefix shared with the workers (KENSA_QUEUE_PREFIX). */
  prefix: string;
  timeoutMs?: number;
  /** Connection trouble, once per connection (ioredis retries many times a minute). */
  onError?: (error: Error) => void;
}

interface Connection {
  redis: Redis;
  queue: BullmqJobQueue;
}

export class WebRedisJobQueue implements JobQueue {
  private current: Connection | undefined;
  constructor(private readonly settings: WebRedisSettings) {}

  add: JobQueue["add"] = (name, payload, options) => {
    const connection = (this.current ??= this.connect());
    return withEnqueueDeadline(connection.queue, {
      timeoutMs: this.settings.timeoutMs ?? enqueueDeadlineMs,
      onTimeout: () => this.discard(connection),
    }).add(name, payload, options);
  };

  /** Whether a connection is open (tests: a timed-out enqueue leaves none behind). */
  get connected(): boolean {
    return this.current !== undefined;
  }

  async close(): Promise<void> {
    if (this.current) this.discard(this.current);
  }

  private connect(): Connection {
    const redis = new Redis(this.settings.url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    let reported = false;
    redis.on("error", (error: Error) => {
      if (!reported) this.settings.onError?.(error);
      reported = true;
    });
    redis.on("ready", () => (reported = false));
    // A client instance is BullMQ's "shared" connection: closing it is ours to do, in discard().
    return { redis, queue: new BullmqJobQueue({ connection: redis, prefix: this.settings.prefix }) };
  }

  private discard(connection: Connection): void {
    if (this.current === connection) this.current = undefined;
    connection.redis.disconnect();
    connection.queue.close().catch(() => undefined);
  }
}
