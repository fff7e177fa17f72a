// The clock the sandbox fleet and the runner share. Real time by default; a speed factor makes a 24-hour
// token expire in seconds; advance() and set() jump. Sleepers wait in clock time and wake correctly when
// the clock jumps or changes speed.
import type { Clock } from "@kensa/core";

interface Sleeper {
  at: number;
  resolve(): void;
  timer?: NodeJS.Timeout;
}

export interface ControllableClockOptions {
  /** Clock time at construction, ms since the epoch; defaults to the real time. */
  start?: number;
  /** Clock ms per real ms; 1 = real time, 3600 = an hour a second, 0 = frozen. */
  speed?: number;
  /** The real time source (tests may pass a fake). */
  realNow?: () => number;
}

export class ControllableClock implements Clock {
  readonly #realNow: () => number;
  #anchorReal: number;
  #anchorClock: number;
  #speed: number;
  readonly #sleepers = new Set<Sleeper>();

  constructor(options: ControllableClockOptions = {}) {
    this.#realNow = options.realNow ?? Date.now;
    this.#anchorReal = this.#realNow();
    this.#anchorClock = options.start ?? this.#anchorReal;
    this.#speed = ControllableClock.#checkSpeed(options.speed ?? 1);
  }

  static #checkSpeed(speed: number): number {
    if (!Number.isFinite(speed) || speed < 0) throw new RangeError(`clock speed must be a finite number >= 0, got ${speed}`);
    return speed;
  }

  now(): number {
    return this.#anchorClock + (this.#realNow() - this.#anchorReal) * this.#speed;
  }

  get speed(): number {
    return this.#speed;
  }

  setSpeed(speed: number): void {
    const now = this.now();
    this.#speed = ControllableClock.#checkSpeed(speed);
    this.#rebase(now);
  }

  /** Jumps forward (or back, with a negative amount) by `ms` of clock time. */
  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`advance needs a finite number of ms, got ${ms}`);
    this.#rebase(this.now() + ms);
  }

  /** Jumps to an absolute clock time (ms since the epoch). */
  set(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`set needs a finite time in ms, got ${ms}`);
    this.#rebase(ms);
  }

  /** Resolves once the clock reads `at` or later. */
  sleepUntil(at: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const sleeper: Sleeper = {
        at,
        resolve: () => {
          this.#sleepers.delete(sleeper);
          clearTimeout(sleeper.timer);
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.#sleepers.delete(sleeper);
        clearTimeout(sleeper.timer);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#sleepers.add(sleeper);
      this.#arm(sleeper);
    });
  }

  /** Resolves after `ms` of clock time. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return this.sleepUntil(this.now() + ms, signal);
  }

  #rebase(clockNow: number): void {
    this.#anchorReal = this.#realNow();
    this.#anchorClock = clockNow;
    for (const sleeper of this.#sleepers) this.#arm(sleeper);
  }

  #arm(sleeper: Sleeper): void {
    clearTimeout(sleeper.timer);
    const remaining = sleeper.at - this.now();
    if (remaining <= 0) return sleeper.resolve();
    if (this.#speed === 0) return; // frozen: only advance()/set() can wake it
    // Timers cap at ~24.8 days; re-arming on wake keeps long sleeps exact.
    sleeper.timer = setTimeout(() => this.#arm(sleeper), Math.min(Math.ceil(remaining / this.#speed), 2 ** 31 - 1));
  }
}
