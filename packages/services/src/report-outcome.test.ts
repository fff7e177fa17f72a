// report_outcome against real databases: one stored row per report id, every bad input a named error with
// nothing stored, floods limited per token and per service, text scrubbed before it reaches a row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allErrorClasses, reportLimits } from "@kensa/core";
import { countReportedOutcomes, createApiToken, readReportedSummary, revokeApiToken, syncServices, verifyApiToken, type Database, type VerifiedToken } from "@kensa/db";
import { databaseBackends, skipWithoutPostgres, syntheticService } from "@kensa/testkit";
import { reporterFromAuthorization } from "./authenticate-reporter";
import { reportOutcome, type ReportOutcomeResult } from "./report-outcome";

const t0 = Date.UTC(2026, 11, 6, 12, 0, 5);
const valid = { reportId: "r-1", serviceId: "freee", success: false, latencyMs: 812, errorClass: "rate_limited", protocolEra: "initialize", method: "tools/call" };
const errorOf = (r: ReportOutcomeResult) => (r.ok ? null : r.error);

describe.each(databaseBackends)("reportOutcome on $name", (backend) => {
  const skip = backend.name === "postgres" && skipWithoutPostgres();
  let db: Database;
  let reporter: VerifiedToken;
  let other: VerifiedToken;
  let reprobeOnly: VerifiedToken;
  let secretOfReporter: string;

  beforeAll(async () => {
    if (skip) return;
    db = await backend.open();
    await syncServices(db, [syntheticService("freee"), syntheticService("slack"), syntheticService("chatwork")]);
    const issued = await createApiToken(db, { name: "agent fleet A", scopes: ["report"] });
    secretOfReporter = issued.token;
    reporter = (await verifyApiToken(db, issued.token))!;
    other = (await verifyApiToken(db, (await createApiToken(db, { name: "agent fleet B", scopes: ["report"] })).token))!;
    reprobeOnly = (await verifyApiToken(db, (await createApiToken(db, { name: "ci", scopes: ["reprobe:*"] })).token))!;
  });
  afterAll(async () => {
    await db?.close();
  });

  it.skipIf(skip)("stores a report once: the same id again is a duplicate and adds nothing", async () => {
    const first = await reportOutcome({ db, now: t0 }, reporter, valid);
    expect(first).toEqual({ ok: true, data: { status: "stored", reportId: "r-1", serviceId: "freee", receivedAt: new Date(t0).toISOString(), source: "reported", redactions: {} } });
    const replay = await reportOutcome({ db, now: t0 + 5_000 }, reporter, { ...valid, success: true, errorClass: undefined });
    expect(replay).toEqual({ ok: true, data: { ...(first.ok ? first.data : {}), status: "duplicate" } });
    expect(await countReportedOutcomes(db, { reporterTokenId: reporter.id })).toBe(1);
  });

  it.skipIf(skip)("concurrent sends of one report id store one row", async () => {
    const sends = await Promise.all(Array.from({ length: 6 }, () => reportOutcome({ db, now: t0 }, reporter, { ...valid, reportId: "race" })));
    expect(sends.filter((s) => s.ok && s.data.status === "stored")).toHaveLength(1);
    expect(sends.every((s) => s.ok)).toBe(true);
    expect(await countReportedOutcomes(db, { reporterTokenId: reporter.id })).toBe(2);
  });

  it.skipIf(skip)("the same report id from another reporter is another report", async () => {
    expect(await reportOutcome({ db, now: t0 }, other, valid)).toMatchObject({ ok: true, data: { status: "stored" } });
  });

  it.skipIf(skip)("no token, an unknown or revoked token, and a token without the report scope are refused, nothing stored", async () => {
    const before = await countReportedOutcomes(db);
    expect(errorOf(await reportOutcome({ db, now: t0 }, null, { ...valid, reportId: "x1" }))).toMatchObject({ code: "unauthorized", message: expect.stringContaining("--scope report") });
    expect(await reporterFromAuthorization(db, "Bearer kensa_not-a-real-token")).toBeNull();
    expect(await reporterFromAuthorization(db, "Basic abc")).toBeNull();
    const forbidden = errorOf(await reportOutcome({ db, now: t0 }, reprobeOnly, { ...valid, reportId: "x2" }));
    expect(forbidden).toMatchObject({ code: "forbidden", message: "this token's scopes (reprobe:*) do not include report" });
    const revocable = await createApiToken(db, { name: "leaked", scopes: ["report"] });
    expect(await reporterFromAuthorization(db, `Bearer ${revocable.token}`)).toMatchObject({ id: revocable.id });
    await revokeApiToken(db, revocable.id);
    expect(await reporterFromAuthorization(db, `Bearer ${revocable.token}`)).toBeNull();
    expect(await countReportedOutcomes(db)).toBe(before);
  });

  it.skipIf(skip)("an unknown service id is not_found naming serviceId; nothing stored", async () => {
    const before = await countReportedOutcomes(db);
    expect(errorOf(await reportOutcome({ db, now: t0 }, reporter, { ...valid, reportId: "u1", serviceId: "no-such-saas" }))).toEqual({
      code: "not_found", parameter: "serviceId", message: 'no tracked service has the id "no-such-saas"; search_services lists the ids',
    });
    expect(await countReportedOutcomes(db)).toBe(before);
  });

  it.skipIf(skip)("bad fields are bad_request naming the field (and the valid classes); nothing stored", async () => {
    const before = await countReportedOutcomes(db);
    const wrongClass = errorOf(await reportOutcome({ db, now: t0 }, reporter, { ...valid, reportId: "b1", errorClass: "vendor_is_bad" }));
    expect(wrongClass).toMatchObject({ code: "bad_request", parameter: "errorClass", expected: `one of ${allErrorClasses.join(", ")}` });
    const classOnSuccess = errorOf(await reportOutcome({ db, now: t0 }, reporter, { ...valid, reportId: "b2", success: true }));
    expect(classOnSuccess).toMatchObject({ code: "bad_request", parameter: "errorClass" });
    const huge = errorOf(await reportOutcome({ db, now: t0 }, reporter, { ...valid, reportId: "b3", workaround: "x".repeat(reportLimits.workaroundMax + 1) }));
    expect(huge).toMatchObject({ code: "bad_request", parameter: "workaround" });
    expect(errorOf(await reportOutcome({ db, now: t0 }, reporter, { ...valid, reportId: "b4", latencyMs: -3 }))).toMatchObject({ parameter: "latencyMs" });
    expect(errorOf(await reportOutcome({ db, now: t0 }, reporter, { ...valid, reportId: "bad id with spaces" }))).toMatchObject({ parameter: "reportId" });
    expect(errorOf(await reportOutcome({ db, now: t0 }, reporter, { ...valid, reportId: "b5", extra: "field" }))).toMatchObject({ code: "bad_request" });
    expect(errorOf(await reportOutcome({ db, now: t0 }, reporter, "not an object"))).toMatchObject({ code: "bad_request", parameter: "input" });
    expect(await countReportedOutcomes(db)).toBe(before);
  });

  it.skipIf(skip)("scrubs the workaround before it is stored and says what it removed; the reporter's secret is never stored", async () => {
    const text = "Got 401 with Bearer abc123secretvalue; mail taro@example.jp or call 090-1234-5678, then retried with per_page=50";
    const result = await reportOutcome({ db, now: t0 }, reporter, { ...valid, reportId: "w1", serviceId: "slack", workaround: text });
    expect(result).toMatchObject({ ok: true, data: { status: "stored", redactions: { token: 1, email: 1, phone: 1 } } });
    const rows = await db.sql.query<Record<string, unknown>>("SELECT * FROM reported_outcome");
    const dump = JSON.stringify(rows);
    for (const leaked of ["abc123secretvalue", "taro@example.jp", "090-1234-5678", secretOfReporter]) expect(dump).not.toContain(leaked);
    const summary = await readReportedSummary(db, "slack", { now: new Date(t0) });
    expect(summary.recentWorkarounds[0]?.text).toBe("Got 401 with Bearer [redacted:token]; mail [redacted:email] or call [redacted:phone], then retried with per_page=50");
  });

  it.skipIf(skip)("limits floods per token and per service in fixed windows; a replay is answered even when the window is full", async () => {
    const limits = { windowMs: 60_000, perToken: 3, perService: 4 };
    const window = Math.ceil(t0 / 3_600_000) * 3_600_000 + 3_600_000; // a fresh window, after everything above
    const send = (token: VerifiedToken, id: string, at = window + 10_000, serviceId = "chatwork") =>
      reportOutcome({ db, now: at, limits }, token, { ...valid, serviceId, reportId: id });
    for (const id of ["f1", "f2", "f3"]) expect((await send(reporter, id)).ok).toBe(true);
    expect(errorOf(await send(reporter, "f4"))).toEqual({ code: "rate_limited", retryAfterSec: 50, message: "this token sent 3 reports in the current 1-minute window" });
    expect(await send(reporter, "f1")).toMatchObject({ ok: true, data: { status: "duplicate" } });
    expect((await send(other, "g1")).ok).toBe(true);
    expect(errorOf(await send(other, "g2"))).toMatchObject({ code: "rate_limited", message: "chatwork received 4 reports in the current 1-minute window" });
    expect((await send(other, "g2", window + 10_000, "freee")).ok).toBe(true);
    expect((await send(reporter, "f4", window + 60_000)).ok).toBe(true);
    expect(await countReportedOutcomes(db, { serviceId: "chatwork" })).toBe(5);
  });

  it.skipIf(skip)("summarises reported figures with distinct reporters, apart from every observed table", async () => {
    // freee: r-1 and race from fleet A, r-1 and g2 from fleet B — four reports, two reporters.
    const summary = await readReportedSummary(db, "freee", { now: new Date(t0 + 3_600_000) });
    expect(summary).toMatchObject({ source: "reported", reports: 4, successes: 0, successRate: 0, distinctReporters: 2, p50Ms: 812, errorCounts: { rate_limited: 4 }, byChannel: { mcp: 4, otlp: 0 }, aboveFloor: false });
    const [observed] = await db.sql.query<{ runs: number; steps: number; rollups: number }>(
      "SELECT (SELECT count(*) FROM probe_run)::int AS runs, (SELECT count(*) FROM probe_step)::int AS steps, (SELECT count(*) FROM daily_rollup)::int AS rollups",
    );
    expect(observed).toEqual({ runs: 0, steps: 0, rollups: 0 });
    const empty = await readReportedSummary(db, "freee", { now: new Date(t0 + 40 * 86_400_000) });
    expect(empty).toMatchObject({ reports: 0, successRate: null, distinctReporters: 0, p50Ms: null, recentWorkarounds: [] });
  });
});
