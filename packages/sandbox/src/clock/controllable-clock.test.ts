import { describe, expect, it } from "vitest";
import { ControllableClock } from "./controllable-clock";

function fakeReal(start = 1_000_000) {
  let now = start;
  return { now: () => now, tick: (ms: number) => (now += ms) };
}

describe("ControllableClock", () => {
  it("follows real time by default", () => {
    const clock = new ControllableClock();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(50);
  });

  it("runs at its speed, and advance/set jump without changing it", () => {
    const real = fakeReal();
    const clock = new ControllableClock({ start: 0, speed: 3600, realNow: real.now });
    real.tick(1000);
    expect(clock.now()).toBe(3_600_000); // a real second is an hour
    clock.advance(86_400_000);
    expect(clock.now()).toBe(90_000_000);
    clock.set(5);
    real.tick(1);
    expect(clock.now()).toBe(3605);
    clock.setSpeed(0);
    real.tick(10_000);
    expect(clock.now()).toBe(3605);
  });

  it("refuses nonsense", () => {
    expect(() => new ControllableClock({ speed: -1 })).toThrow(/speed/);
    expect(() => new ControllableClock().advance(Number.NaN)).toThrow(/finite/);
  });

  it("wakes sleepers when the clock jumps past their time", async () => {
    const clock = new ControllableClock({ start: 0, speed: 0 });
    let woke = false;
    const sleeping = clock.sleepUntil(60_000).then(() => (woke = true));
    clock.advance(59_000);
    await new Promise((r) => setTimeout(r, 5));
    expect(woke).toBe(false);
    clock.advance(1_000);
    await sleeping;
    expect(woke).toBe(true);
  });

  it("sleeps in clock time at high speed", async () => {
    const clock = new ControllableClock({ speed: 100_000 });
    const started = performance.now();
    await clock.sleep(3_600_000); // an hour of clock time is 36 ms of real time
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("rejects a sleeper that is aborted", async () => {
    const clock = new ControllableClock({ speed: 0 });
    const controller = new AbortController();
    const sleeping = clock.sleep(1_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(sleeping).rejects.toThrow("stop");
  });
});
