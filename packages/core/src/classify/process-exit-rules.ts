// A stdio server's process ended. It is a child on our own machine, so nothing lies between us: never a
// network failure and never an intermediary's. Decision table (first row wins):
//   the command could not be started (ENOENT, EACCES)  → config_missing, client (code: not installed / not on PATH)
//   stopped by Kensa: non-protocol output flooded stdout → protocol_error, vendor (code)
//   stopped by Kensa: memory or stderr bound            → server_error, vendor (code)
//   ended before initialize, stderr asks for a setting  → config_missing, client (inferred: its words decide)
//   ended before initialize, any other words            → server_error, vendor (code: it exited)
//   ended during the session (a call crashed it)        → server_error, vendor (code)
import type { StepOutcome } from "../probe/step-outcome";
import { assertNever } from "../util/assert-never";
import { verdict, type Verdict } from "./verdict";

type ProcessExit = Extract<StepOutcome, { kind: "process-exit" }>;

/**
 * What servers print when they were started without a credential or setting, in English and Japanese:
 * "Please set CHANNEL_ACCESS_TOKEN", "Configure either … BACKLOG_API_KEY", "missing API key",
 * "environment variable X is required", 「認証情報が設定されていません」.
 */
export const configMissingPatterns: readonly RegExp[] = [
  /\b(please\s+(set|provide|configure|define|export)|configure\s+(either|both|the)|you\s+must\s+(set|provide|configure))\b/i,
  /\b(missing|no|without( an?)?|requires?( an?)?)\s+([\w-]+\s+){0,2}(api[\s_-]?keys?|access[\s_-]?tokens?|tokens?|credentials?|secrets?|client[\s_-]?(id|secret)|environment\s+variables?|env(ironment)?\s+vars?)\b/i,
  /\b(api[\s_-]?key|access[\s_-]?token|token|credentials?|secret|client[\s_-]?(id|secret)|environment\s+variables?|env\s+vars?|[A-Z][A-Z0-9]*_[A-Z0-9_]+)\b[^.\n]{0,80}\b(is|are)\s+(required|missing|not\s+(set|configured|provided|defined))\b/i,
  /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\s+(must\s+be\s+(set|provided|defined)|not\s+(set|found|defined))\b/,
  /(認証情報|資格情報|API\s*キー|アクセストークン|トークン|環境変数|設定|クレデンシャル)[^。\n]{0,30}(設定されていません|未設定|ありません|見つかりません|必要です|指定してください|設定してください)/i,
];

export function classifyProcessExit(outcome: ProcessExit): Verdict {
  const how = outcome.signal ? `signal ${outcome.signal}` : `exit code ${outcome.exitCode ?? "unknown"}`;
  if (outcome.spawnError !== undefined) {
    return verdict("config_missing", "code", `the server's command could not be started (${outcome.spawnError}): not installed, not on PATH or not executable`, "client");
  }
  switch (outcome.stoppedFor) {
    case undefined:
      break;
    case "stdout-flood":
      return verdict("protocol_error", "code", "Kensa stopped the server process: it flooded stdout with output that is not JSON-RPC", "vendor");
    case "memory":
    case "stderr-flood":
      return verdict("server_error", "code", `Kensa stopped the server process: it exceeded the ${outcome.stoppedFor === "memory" ? "memory" : "stderr output"} bound`, "vendor");
    default:
      return assertNever(outcome.stoppedFor, "stopped for");
  }
  if (outcome.phase === "session") return verdict("server_error", "code", `the server process ended (${how}) during the session`, "vendor");
  const said = configMissingPatterns.find((pattern) => pattern.test(outcome.stderr));
  if (said !== undefined) {
    return verdict("config_missing", "inferred", `the server process ended (${how}) before initialize; its stderr ${excerpt(outcome.stderr, said)} asks for configuration it was not given`, "client");
  }
  return verdict("server_error", "code", `the server process ended (${how}) before answering initialize${outcome.stderr ? `; stderr ${excerpt(outcome.stderr)}` : ", silently"}`, "vendor");
}

/** The matching line (or the start) of the stderr, short enough for a verdict. */
function excerpt(stderr: string, pattern?: RegExp): string {
  const line = (pattern && stderr.split("\n").find((l) => pattern.test(l))) || stderr;
  const hit = pattern?.exec(line)?.index ?? 0;
  const from = Math.max(0, hit - 40);
  const text = line.slice(from, from + 160).trim();
  return JSON.stringify(`${from > 0 ? "…" : ""}${text}${from + 160 < line.length ? "…" : ""}`);
}
