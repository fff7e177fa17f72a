// Reported figures in the REST service detail: present for every service, labelled reported, counted by
// distinct reporters, and separate from the observed window figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, syncServices, verifyApiToken, type Database } from "@kensa/db";
import { reportOutcome } from "@kensa/services";
import { databaseBackends, skipWithoutPostgres, syntheticService } from "@kensa/testkit";
import { serviceHandler } from "./handlers/service";
import { ServiceDetail } from "./schemas";

describe.each(databaseBackends)("service detail's reported figures on $name", (backend) => {
  const skip = backend.name === "postgres" && skipWithoutPostgres();
  let db: Database;
  beforeAll(async () => {
    if (skip) return;
    db = await backend.open();
    await syncServices(db, [syntheticService("freee"), syntheticService("slack")]);
  });
  afterAll(async () => {
    await db?.close();
  });
  const detail = async (id: string) => ServiceDetail.parse(await (await serviceHandler(db, new URL(`http://kensa.test/api/v1/services/${id}`), { id })).json());

  it.skipIf(skip)("shows reports, distinct reporters and scrubbed workarounds, and leaves the observed window empty", async () => {
    expect((await detail("slack")).reported).toMatchObject({ source: "reported", reports: 0, distinctReporters: 0, successRate: null });
    const now = Date.now();
    for (const name of ["a", "b", "c"]) {
      const token = (await verifyApiToken(db, (await createApiToken(db, { name, scopes: ["report"] })).token))!;
      const ok = name !== "c";
      const result = await reportOutcome({ db, now }, token, { reportId: `r-${name}`, serviceId: "slack", success: ok, latencyMs: 100, ...(ok ? {} : { errorClass: "timeout", workaround: "retried after 5 s; ping ops@example.com" }) });
      expect(result.ok).toBe(true);
    }
    const slack = await detail("slack");
    expect(slack.reported).toMatchObject({ reports: 3, successes: 2, distinctReporters: 3, errorCounts: { timeout: 1 }, aboveFloor: false, byChannel: { mcp: 3, otlp: 0 } });
    expect(slack.reported.recentWorkarounds).toEqual([expect.objectContaining({ text: "retried after 5 s; ping [redacted:email]", errorClass: "timeout" })]);
    expect(slack.window).toMatchObject({ calls: 0, successes: 0, successRate: null });
    expect((await detail("freee")).reported.reports).toBe(0);
  });
});
