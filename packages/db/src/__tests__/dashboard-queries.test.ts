// The dashboard's read queries against both backends, checked against what the stored rows imply.
import { aggregateRun, type GradeEvidence } from "@kensa/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseBackends, seedDashboard, syntheticRun, type DashboardSeed } from "@kensa/testkit";
import type { Database } from "../open-database";
import { readDailySeries } from "../queries/daily-series";
import { latestRollupDay, readLeaderboardServices, readWindowStats } from "../queries/leaderboard";
import { readRollups } from "../queries/rollups";
import { recordRuns } from "../queries/record-runs";
import { latestGrade, readGradeInputs, saveGradeSnapshot } from "../queries/grades";
import { readGradeChanges, readLatestChecks, readRecentFailures } from "../queries/service-detail";
import { readCategoryDaily, readCategoryErrorMix, readGradeDistributionAt, readScoreMoves } from "../queries/trends";

describe.each(databaseBackends)("dashboard queries on $name", (backend) => {
  let db: Database;
  let seed: DashboardSeed;
  const id = (i: number) => seed.services[i]!.id;
  const range = { from: "2026-11-01", to: "2026-11-14" };
  beforeAll(async () => {
    if (!backend.available) return;
    db = await backend.open();
    seed = await seedDashboard(db, { services: 12, days: 14, runsPerDay: 2, endDay: "2026-11-14" });
  });
  afterAll(async () => {
    await db?.close();
  });
  const run = it.skipIf(!backend.available);

  run("anchors windows on the newest rollup day", async () => {
    expect(await latestRollupDay(db)).toBe("2026-11-14");
  });

  run("window figures equal the sum of the stored rollups, paths and days merged", async () => {
    const stats = await readWindowStats(db, range);
    const rollups = await readRollups(db, range);
    expect(stats.size).toBe(12);
    for (const [id, s] of stats) {
      const mine = rollups.filter((r) => r.serviceId === id);
      expect(s.calls).toBe(mine.reduce((n, r) => n + r.calls, 0));
      expect(s.successes).toBe(mine.reduce((n, r) => n + r.successes, 0));
      expect(s.vendorFailures).toBe(mine.reduce((n, r) => n + r.vendorFailures, 0));
      const errors: Record<string, number> = {};
      for (const r of mine) for (const [k, n] of Object.entries(r.errorCounts)) errors[k] = (errors[k] ?? 0) + (n ?? 0);
      expect(s.errorCounts).toEqual(errors);
      expect(s.daily).toHaveLength(14);
      expect(s.daily.reduce((n, d) => n + d.calls, 0)).toBe(s.calls);
      expect(s.p50Ms! <= s.p95Ms! && s.p95Ms! <= s.p99Ms!).toBe(true);
      expect(s.sources).toEqual(["sandbox"]);
    }
  });

  run("a narrower window and an id filter narrow the figures", async () => {
    const one = await readWindowStats(db, { from: "2026-11-14", to: "2026-11-14" }, { ids: [id(2)] });
    expect([...one.keys()]).toEqual([id(2)]);
    expect(one.get(id(2))!.daily.map((d) => d.day)).toEqual(["2026-11-14"]);
  });

  run("lists services with their newest grade and last probe", async () => {
    const services = await readLeaderboardServices(db);
    expect(services).toHaveLength(12);
    const s = services.find((x) => x.id === id(3))!;
    expect(s.grade?.computedAt.toISOString()).toBe("2026-11-14T23:59:00.000Z");
    expect(s.lastProbedAt?.toISOString().slice(0, 10)).toBe("2026-11-14");
    expect(Object.keys(s.declared)).toContain("saml");
  });

  run("daily series merge the day's paths and recompute percentiles", async () => {
    const series = await readDailySeries(db, [id(0), id(1)], range);
    const rollups = await readRollups(db, { ...range, serviceIds: [id(0), id(1)] });
    expect(series).toHaveLength(28);
    for (const p of series) {
      const rows = rollups.filter((r) => r.serviceId === p.serviceId && r.day === p.day);
      expect(p.calls).toBe(rows.reduce((n, r) => n + r.calls, 0));
      expect(p.gatewayCalls).toBe(rows.filter((r) => r.path === "gateway").reduce((n, r) => n + r.calls, 0));
    }
  });

  run("recent failures are failed traffic steps only, newest first", async () => {
    const failures = await readRecentFailures(db, id(0), 50);
    expect(failures.every((f) => f.kind !== "check" && f.errorClass !== null)).toBe(true);
    expect(failures.map((f) => f.startedAt.getTime())).toEqual(failures.map((f) => f.startedAt.getTime()).sort((a, b) => b - a));
  });

  run("readiness checks give the newest result of each check", async () => {
    const checks = await readLatestChecks(db, id(1), new Date("2026-11-01T00:00:00Z"));
    expect(checks.map((c) => c.name)).toContain("check:auth_challenge");
    expect(checks.map((c) => c.name)).toContain("check:trace_context");
    expect(new Set(checks.map((c) => c.name)).size).toBe(checks.length);
    expect(checks.every((c) => c.startedAt.toISOString().startsWith("2026-11-14"))).toBe(true);
    expect((checks[0]!.check as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
  });

  run("grade changes list only moves, each with the snapshot before it", async () => {
    const stored = (await latestGrade(db, id(5)))!;
    const latest = stored.report;
    const moved = latest.grade === "D" ? "C" : "D";
    const base = { serviceId: stored.serviceId, source: stored.source, inputs: (await readGradeInputs(db, stored.id)) as GradeEvidence };
    expect(await saveGradeSnapshot(db, { ...base, id: "00000000-0000-4000-8000-00000000abc1", computedAt: new Date("2026-11-15T12:00:00Z"), report: { ...stored.report, grade: moved, evidenceHash: "moved" } })).toBe(true);
    expect(await saveGradeSnapshot(db, { ...base, id: "00000000-0000-4000-8000-00000000abc2", computedAt: new Date("2026-11-15T13:00:00Z"), report: { ...stored.report, grade: moved, evidenceHash: "same-grade-again" } })).toBe(true);
    const changes = await readGradeChanges(db, id(5));
    expect(changes[0]!.computedAt.toISOString()).toBe("2026-11-15T12:00:00.000Z");
    expect(changes[0]!.previous).toMatchObject({ grade: latest.grade });
    expect(changes.at(-1)!.previous).toBeNull();
    expect(changes.every((c, i) => i === changes.length - 1 || c.previous!.grade !== c.grade)).toBe(true);
  });

  run("the grade distribution as of a day counts each service's grade at the end of that day", async () => {
    const rows = await readGradeDistributionAt(db, ["2026-10-01", "2026-11-14"]);
    expect(rows.filter((r) => r.day === "2026-10-01")).toEqual([]);
    expect(rows.filter((r) => r.day === "2026-11-14").reduce((n, r) => n + r.count, 0)).toBe(12);
  });

  run("score moves compare the newest grade at two days", async () => {
    const moves = await readScoreMoves(db, { from: "2026-11-07", to: "2026-11-14" });
    expect(moves).toHaveLength(12);
    expect(moves.every((m) => typeof m.score === "number" && typeof m.previousScore === "number")).toBe(true);
  });

  run("category figures add up to the window's", async () => {
    const days = await readCategoryDaily(db, range);
    const stats = await readWindowStats(db, range);
    const total = [...stats.values()].reduce((n, s) => n + s.calls, 0);
    expect(days.reduce((n, d) => n + d.calls, 0)).toBe(total);
    const mix = await readCategoryErrorMix(db, range);
    const failures = [...stats.values()].reduce((n, s) => n + s.calls - s.successes, 0);
    expect(mix.reduce((n, m) => n + m.count, 0)).toBe(failures);
  });

  run("a run recorded later shows up in the figures", async () => {
    const before = (await readWindowStats(db, range)).get(id(8))!.calls;
    const extra = syntheticRun({ serviceId: id(8), startedAt: new Date("2026-11-10T03:00:00Z"), seed: 4242, idempotencyKey: "late-run" });
    await recordRuns(db, [extra]);
    expect((await readWindowStats(db, range)).get(id(8))!.calls).toBe(before + aggregateRun(extra).calls);
  });
});
