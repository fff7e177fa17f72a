// A fixed-window request limit in clock time, per service and path: fast-forwarding the clock opens a new
// window, exactly as waiting would.
import type { Clock } from "@kensa/core";

export interface RateLimit {
  requests: number;
  windowSec: number;
  retryAfter: boolean;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSec: number };

export class RateLimiter {
  #window = -1;
  #count = 0;

  constructor(readonly limit: RateLimit | null, readonly clock: Clock) {}

  take(): RateDecision {
    if (!this.limit) return { allowed: true };
    const windowMs = this.limit.windowSec * 1000;
    const now = this.clock.now();
    const window = Math.floor(now / windowMs);
    if (window !== this.#window) {
      this.#window = window;
      this.#count = 0;
    }
    this.#count += 1;
    if (this.#count <= this.limit.requests) return { allowed: true };
    return { allowed: false, retryAfterSec: Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000)) };
  }
}
