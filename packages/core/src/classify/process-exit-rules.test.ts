import { describe, expect, it } from "vitest";
import type { StepOutcome } from "../probe/step-outcome";
import { classifyProcessExit } from "./process-exit-rules";

type ProcessExit = Extract<StepOutcome, { kind: "process-exit" }>;
const atStart = (stderr: string, extra: Partial<ProcessExit> = {}): ProcessExit => ({ kind: "process-exit", phase: "start", exitCode: 1, signal: null, stderr, ...extra });

// The first three are the words real vendor packages print when started without configuration
// (freee-mcp 0.35.2, backlog-mcp-server 0.20.4, @line/line-bot-mcp-server 0.5.0).
const asksForConfiguration: [string, string][] = [
  ["freee-mcp (Japanese, inside a JSON log line)", '{"level":"fatal","err":{"message":"認証情報が設定されていません。\\n`freee-mcp configure` を実行してセットアップしてください。"},"msg":"Fatal error"}'],
  ["backlog-mcp-server", '{"level":50,"err":{"message":"Configure either BACKLOG_ORG_<NAME>_DOMAIN and BACKLOG_ORG_<NAME>_API_KEY with BACKLOG_DEFAULT_ORG, or both BACKLOG_DOMAIN and BACKLOG_API_KEY."}}'],
  ["@line/line-bot-mcp-server", "Please set CHANNEL_ACCESS_TOKEN"],
  ["missing API key", "Error: missing API key"],
  ["environment variable … is required", "Error: environment variable STRIPE_SECRET_KEY is required"],
  ["NAME is not set", "SENTRY_ACCESS_TOKEN is not set"],
  ["NAME must be set", "FIRECRAWL_API_KEY must be set"],
  ["no credentials", "fatal: no credentials found, run login first"],
  ["Japanese: 環境変数が必要です", "環境変数 CHATWORK_API_TOKEN が必要です"],
  ["Japanese: APIキーが見つかりません", "APIキーが見つかりません"],
];

const otherWords: [string, string][] = [
  ["a TypeError", "TypeError: Cannot read properties of undefined (reading 'map')"],
  ["a syntax error in the package", "SyntaxError: Unexpected token 'export'"],
  ["an unsupported Node version", "Error: This package requires Node.js 22 or later"],
  ["nothing at all", ""],
];

describe("classifyProcessExit", () => {
  it.each(asksForConfiguration)("before initialize, %s → config_missing, fault client, inferred from its words", (_name, stderr) => {
    const v = classifyProcessExit(atStart(stderr));
    expect(v).toMatchObject({ errorClass: "config_missing", fault: "client", confidence: "inferred" });
    expect(v.decidedBy).toMatch(/before initialize; its stderr ".+" asks for configuration/);
  });

  it.each(otherWords)("before initialize, %s → server_error, fault vendor", (_name, stderr) => {
    expect(classifyProcessExit(atStart(stderr))).toMatchObject({ errorClass: "server_error", fault: "vendor", confidence: "code" });
  });

  it("a process that ends during the session is the vendor's, whatever it printed", () => {
    expect(classifyProcessExit(atStart("Please set CHANNEL_ACCESS_TOKEN", { phase: "session" }))).toMatchObject({ errorClass: "server_error", fault: "vendor" });
  });

  it("a process Kensa stopped for a bound is the vendor's and says which bound", () => {
    const v = classifyProcessExit(atStart("Please set X_TOKEN", { stoppedFor: "memory", signal: "SIGKILL", exitCode: null }));
    expect(v).toMatchObject({ errorClass: "server_error", fault: "vendor" });
    expect(v.decidedBy).toContain("memory bound");
  });

  it("a process that flooded stdout with non-protocol output broke the protocol", () => {
    expect(classifyProcessExit(atStart("", { stoppedFor: "stdout-flood", signal: "SIGKILL", exitCode: null }))).toMatchObject({ errorClass: "protocol_error", fault: "vendor" });
  });

  it("a command that cannot be started is the caller's setup, not a network failure", () => {
    expect(classifyProcessExit(atStart("", { spawnError: "ENOENT", exitCode: null }))).toMatchObject({ errorClass: "config_missing", fault: "client", confidence: "code" });
  });

  it("never lands on network_error or the intermediary", () => {
    for (const [, stderr] of [...asksForConfiguration, ...otherWords]) {
      for (const phase of ["start", "session"] as const) {
        const v = classifyProcessExit(atStart(stderr, { phase }));
        expect(v.errorClass).not.toBe("network_error");
        expect(v.fault).not.toBe("intermediary");
      }
    }
  });

  it("quotes the line that asked, shortened", () => {
    const v = classifyProcessExit(atStart(`${"x".repeat(500)}\nwarming up\nPlease set CHANNEL_ACCESS_TOKEN\n`));
    expect(v.decidedBy).toContain('"Please set CHANNEL_ACCESS_TOKEN"');
    expect(v.decidedBy.length).toBeLessThan(300);
  });
});
