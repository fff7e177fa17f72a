import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyRun, type ProbeRunRecord } from "@kensa/core";
import { recordRuns, syncServices, type Database } from "@kensa/db";
import { openTestPgliteDatabase, syntheticService } from "@kensa/testkit";
import { runProbe } from "../index";
import { startOAuthFixture, type OAuthFixture } from "./fixtures/oauth-fixture";
import { call, probeOptions } from "./fixtures/probe-options";

// A server that reflects the caller's credential everywhere it can: error bodies, headers kept as evidence,
// tool error text, JSON-RPC error messages and data. None of it may reach the result or the database.
function reflecting(fixtureRef: () => OAuthFixture) {
  return (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, rpc: { method?: string; name?: string; id?: unknown }) => {
    if (rpc.method !== "tools/call" || !rpc.name?.startsWith("leak")) return false;
    const auth = req.headers.authorization ?? "";
    const token = auth.replace(/^Bearer /, "");
    const f = fixtureRef();
    const everything = `${auth} token=${token} refresh=${f.refreshTokens.at(-1)} initial=${f.initialRefreshToken} secret=${(f as unknown as { clientSecret: string }).clientSecret}`;
    if (rpc.name === "leakHttp") {
      res.writeHead(500, { "content-type": "text/plain", "x-request-id": token, "www-authenticate": `Bearer error="server_error", error_description="${token}"` }).end(everything);
    } else if (rpc.name === "leakTool") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: rpc.id, result: { content: [{ type: "text", text: everything }], structuredContent: { echoed: token, raw: everything }, isError: true } }));
    } else {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: rpc.id, error: { code: -32000, message: everything, data: { token, secrets: [everything] } } }));
    }
    return true;
  };
}

describe("secrets never reach evidence, records or storage", () => {
  let fixture: OAuthFixture;
  let db: Database;
  beforeAll(async () => {
    fixture = await startOAuthFixture({ lifetimeSec: 600, advancePerCallMs: 400_000, extra: { intercept: reflecting(() => fixture) } });
    db = await openTestPgliteDatabase();
    await syncServices(db, [syntheticService("secret-test")]);
  });
  afterAll(async () => {
    await fixture.close();
    await db.close();
  });

  it("redacts planted credentials at capture: the probe result and the stored rows contain none of them", async () => {
    const secrets: Record<string, string> = { CLIENT_ID: "kensa-client", CLIENT_SECRET: (fixture as unknown as { clientSecret: string }).clientSecret, REFRESH_TOKEN: fixture.initialRefreshToken };
    const result = await runProbe(
      probeOptions(fixture.url(), {
        credential: { kind: "oauth-refresh", refreshTokenSecret: "REFRESH_TOKEN", clientIdSecret: "CLIENT_ID", clientSecretSecret: "CLIENT_SECRET" },
        secrets: { get: (name) => secrets[name] },
        calls: [call("leakHttp"), call("leakTool"), call("leakRpc"), call("echo")],
        rounds: 3,
        clock: fixture.clock,
        headers: { "X-Api-Key": "planted-header-secret-123" },
      }),
    );
    // The run really used the secrets (tokens were issued, refreshed, and reflected back at us).
    expect(fixture.issued.length).toBeGreaterThan(1);
    expect(result.steps.filter((s) => s.name === "tools/call:leakHttp").every((s) => s.outcome.kind === "http-error")).toBe(true);
    const planted = [...fixture.issued, ...fixture.refreshTokens, fixture.initialRefreshToken, secrets.CLIENT_SECRET!, "planted-header-secret-123"];

    const run: ProbeRunRecord = classifyRun({ ...result, id: "0b7a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d", idempotencyKey: "secret-test:1", serviceId: "secret-test", trigger: "scan", source: "sandbox" });
    const text = JSON.stringify(run);
    expect(text).toContain("[REDACTED]");
    for (const secret of planted) expect(text).not.toContain(secret);

    await recordRuns(db, [run]);
    const rows = [await db.sql.query("SELECT * FROM probe_run"), await db.sql.query("SELECT * FROM probe_step")];
    const stored = JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
    expect(stored).toContain("leakHttp");
    for (const secret of planted) expect(stored).not.toContain(secret);
  });
});
