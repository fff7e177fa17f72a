import { describe, expect, it } from "vitest";
import { loadCatalogue } from "@kensa/catalogue";
import { alignTick } from "./keys";
import { readinessCheckSlot, readinessCheckTick, runsReadinessChecks } from "./readiness-check-slot";

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const day0 = Date.UTC(2026, 10, 20);

/** The scheduled ticks of one UTC day for an interval (aligned to the epoch, as every scheduler aligns them). */
function ticksOfDay(dayStart: number, intervalMs: number): number[] {
  const ticks: number[] = [];
  for (let t = alignTick(dayStart + intervalMs - 1, intervalMs); t < dayStart + day; t += intervalMs) ticks.push(t);
  return ticks;
}

function checkRunsOfDay(serviceId: string, path: "direct" | "gateway", dayStart: number, intervalMs: number): number[] {
  return ticksOfDay(dayStart, intervalMs).filter((tick) => runsReadinessChecks({ serviceId, path, trigger: "schedule", tick, intervalMs }));
}

describe("runsReadinessChecks", () => {
  it.each([
    ["a manual re-probe, whatever its tick", { trigger: "manual" as const, tick: day0 + 7 * hour, intervalMs: hour }],
    ["a manual re-probe without a tick", { trigger: "manual" as const }],
    ["a scheduled payload without a tick", { trigger: "schedule" as const }],
    ["a daily schedule at noon", { trigger: "schedule" as const, tick: day0 + 12 * hour, intervalMs: day }],
    ["a weekly schedule", { trigger: "schedule" as const, tick: day0 + 3 * day, intervalMs: 7 * day }],
    ["a backfill with no interval", { trigger: "backfill" as const, tick: day0 + 12 * hour }],
  ])("always runs the checks: %s", (_name, payload) => {
    expect(runsReadinessChecks({ serviceId: "freee", path: "direct", ...payload })).toBe(true);
  });

  it.each([15 * minute, hour, 6 * hour, 12 * hour, day / 96, day / 2])("runs them exactly once a UTC day per service and path at a %i ms interval that divides the day", (intervalMs) => {
    for (const serviceId of ["freee", "slack", "notion", "smarthr"]) {
      for (const path of ["direct", "gateway"] as const) {
        for (let d = 0; d < 3; d++) {
          const dayStart = day0 + d * day;
          const runs = checkRunsOfDay(serviceId, path, dayStart, intervalMs);
          expect(runs).toEqual([readinessCheckTick({ serviceId, path }, dayStart, intervalMs)]);
        }
      }
    }
  });

  it.each([7 * hour, 5 * hour + 13 * minute, 13 * hour])("runs them exactly once a UTC day at a %i ms interval that does not divide the day", (intervalMs) => {
    for (const serviceId of ["freee", "slack", "notion"]) {
      for (let d = 0; d < 14; d++) expect(checkRunsOfDay(serviceId, "direct", day0 + d * day, intervalMs)).toHaveLength(1);
    }
  });

  it("keeps the same slot every day and for every process (a pure hash of service and path)", () => {
    const slot = readinessCheckSlot({ serviceId: "freee", path: "direct" }, hour);
    expect(slot).toBe(readinessCheckSlot({ serviceId: "freee", path: "direct" }, hour));
    const runs = [0, 1, 2].map((d) => checkRunsOfDay("freee", "direct", day0 + d * day, hour)[0]! - (day0 + d * day));
    expect(runs).toEqual([slot! * hour, slot! * hour, slot! * hour]);
  });

  it("has no slot for intervals of a day or more: every run checks", () => {
    expect(readinessCheckSlot({ serviceId: "freee", path: "direct" }, day)).toBeUndefined();
    expect(readinessCheckTick({ serviceId: "freee", path: "direct" }, day0, 2 * day)).toBe(day0);
  });
});

describe("the catalogue's check slots", () => {
  it("spread the 225 services over a day's slots instead of all in the first (4 and 2 slots a day, both paths)", async () => {
    const ids = (await loadCatalogue()).entries.map((e) => e.id);
    expect(ids.length).toBeGreaterThanOrEqual(225);
    for (const [slots, ceiling] of [[4, 0.4], [2, 0.6]] as const) {
      for (const path of ["direct", "gateway"] as const) {
        const counts = new Array<number>(slots).fill(0);
        for (const serviceId of ids) counts[readinessCheckSlot({ serviceId, path }, day / slots)!]! += 1;
        expect(Math.max(...counts) / ids.length).toBeLessThanOrEqual(ceiling);
        expect(Math.min(...counts)).toBeGreaterThan(0);
      }
    }
  });

  it("put a service's two paths in different slots for some services (the gateway's burst is not the direct one's)", async () => {
    const ids = (await loadCatalogue()).entries.map((e) => e.id);
    const differ = ids.filter((serviceId) => readinessCheckSlot({ serviceId, path: "direct" }, day / 2) !== readinessCheckSlot({ serviceId, path: "gateway" }, day / 2));
    expect(differ.length / ids.length).toBeGreaterThan(0.3);
    expect(differ.length / ids.length).toBeLessThan(0.7);
  });
});
