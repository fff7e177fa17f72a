// `kensa scan` arguments → what to probe and how. Every mistake is a UsageError (exit 2) naming the option.
import { parseArgs } from "node:util";
import { EnvVarName, Grade, ReadinessCheck, type CredentialSpec, type ProbeCall } from "@kensa/core";
import { isLoopbackHost, type ProbeOptions } from "@kensa/probe";
import { UsageError } from "../command";
import { absoluteCommand } from "./stdio-command";
import { stdioEnv } from "./stdio-env";

/** Longest per-request timeout: beyond it a scan is not a scan (and Node's timers overflow near 2^31 ms). */
export const maxTimeoutMs = 600_000;
/** Default whole-scan deadline (docs/kensa-scan.md argues it); with a longer --timeout-ms, four requests' worth. */
export const defaultDeadlineMs = 60_000;
/** Longest --deadline: an hour. */
export const maxDeadlineMs = 3_600_000;

export interface ScanRequest {
  target: ProbeOptions["target"];
  /** As shown in the report: the URL, or the stdio command line. */
  display: string;
  calls: ProbeCall[];
  headers: Record<string, string>;
  credential: CredentialSpec;
  rounds: number;
  timeoutMs?: number;
  /** The whole scan's bound, every step and check included. */
  deadlineMs: number;
  failUnder?: Grade;
  /** "all": learn every era a server answers in (one extra initialize to a modern server); "newest": not. */
  eras: "all" | "newest";
  allowPrivate: boolean;
  allowHosts: string[];
  json: boolean;
  checks: "all" | "none" | ReadinessCheck[];
  serverJsonUrl?: string;
  /** stdio: the --env values are documented placeholders, not a working credential: the grade is partial. */
  dummyConfig: boolean;
}

export const scanUsage = [
  "kensa scan <url> [options]",
  "       kensa scan --stdio [options] -- <command> [args…]",
  "",
  "options:",
  "  --json                     one JSON document (schema kensa.scan/v1) instead of the report",
  "  --call NAME[=JSON-ARGS]    a tool to call (repeatable); default: only protocol and readiness steps",
  "  --rounds N                 repeat the call set N times (default 1)",
  '  --header "Name: value"     send a header with every request to the server (repeatable)',
  "  --bearer-env VAR           send Authorization: Bearer <value of $VAR>",
  `  --timeout-ms N             per-request timeout (default 15000, at most ${maxTimeoutMs})`,
  `  --deadline SECONDS         the whole scan's bound (default ${defaultDeadlineMs / 1000}, or 4 × --timeout-ms when longer)`,
  "  --fail-under GRADE         exit 1 when the grade is below GRADE (AAA AA A BBB BB B C D)",
  "  --allow-private            reach private addresses (the loopback host you type is always allowed)",
  "  --transport T              auto (default), streamable-http or sse",
  "  --eras all|newest          all (default): also try initialize on a modern server, to record both eras;",
  "                             newest: behave as a plain modern client (no initialize after server/discover)",
  "  --checks LIST              all (default), none, or a comma list of readiness checks",
  "  --server-json URL          the MCP Registry server.json to compare the server with",
  "  --stdio -- <command…>      probe a local server over stdio, isolated: its own temporary HOME and",
  "                             folder, no network where the machine can cut it, and no variables but PATH",
  "  --env NAME=VALUE           stdio: give the server this variable (repeatable; wins over --env-file)",
  "  --env-file FILE            stdio: give the server the NAME=VALUE lines of FILE",
  "  --allow-network            stdio: leave the server its network (e.g. a command that downloads first)",
  "  --dummy-config             stdio: the --env values are placeholders, not a working credential, so",
  "                             reliability is not tested and the grade is partial",
].join("\n");

export function parseScanArgs(argv: string[], env: NodeJS.ProcessEnv): ScanRequest {
  const split = argv.indexOf("--");
  const own = split === -1 ? argv : argv.slice(0, split);
  const command = split === -1 ? [] : argv.slice(split + 1);
  const { values, positionals } = parseArgs({
    args: own,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: "boolean", default: false },
      call: { type: "string", multiple: true, default: [] },
      rounds: { type: "string" },
      header: { type: "string", multiple: true, default: [] },
      "bearer-env": { type: "string" },
      "timeout-ms": { type: "string" },
      deadline: { type: "string" },
      "fail-under": { type: "string" },
      "allow-private": { type: "boolean", default: false },
      transport: { type: "string" },
      eras: { type: "string" },
      checks: { type: "string" },
      "server-json": { type: "string" },
      stdio: { type: "boolean", default: false },
      env: { type: "string", multiple: true, default: [] },
      "env-file": { type: "string" },
      "allow-network": { type: "boolean", default: false },
      "dummy-config": { type: "boolean", default: false },
    },
  });
  const { target, display, allowHosts } = parseTarget(values.stdio, positionals, command, values.transport);
  if (target.kind === "stdio") {
    const given = stdioEnv(values.env, values["env-file"]);
    if (given) target.env = given;
    if (values["allow-network"]) target.network = "keep";
  } else {
    for (const option of ["env", "env-file", "allow-network", "dummy-config"] as const) {
      const value = values[option];
      if (value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0)) throw new UsageError(`--${option} is for stdio servers (--stdio)`);
    }
  }
  const bearerEnv = values["bearer-env"];
  if (bearerEnv !== undefined) {
    if (!EnvVarName.safeParse(bearerEnv).success) throw new UsageError(`--bearer-env expects an environment variable name, got "${bearerEnv}"`);
    if (!env[bearerEnv]) throw new UsageError(`--bearer-env: environment variable ${bearerEnv} is not set`);
  }
  const failUnder = values["fail-under"]?.toUpperCase();
  if (failUnder !== undefined && !Grade.safeParse(failUnder).success) throw new UsageError(`--fail-under expects one of ${Grade.options.join(" ")}, got "${values["fail-under"]}"`);
  const serverJson = values["server-json"];
  if (serverJson !== undefined && !URL.canParse(serverJson)) throw new UsageError(`--server-json expects a URL, got "${serverJson}"`);
  return {
    target,
    display,
    calls: values.call.map(parseCall),
    headers: Object.fromEntries(values.header.map(parseHeader)),
    credential: bearerEnv ? { kind: "bearer", tokenSecret: bearerEnv } : { kind: "none" },
    rounds: positiveInt("--rounds", values.rounds) ?? 1,
    ...(values["timeout-ms"] !== undefined ? { timeoutMs: timeoutMs(values["timeout-ms"]) } : {}),
    deadlineMs: deadlineMs(values.deadline, values["timeout-ms"] !== undefined ? timeoutMs(values["timeout-ms"]) : undefined),
    ...(failUnder ? { failUnder: failUnder as Grade } : {}),
    eras: parseEras(values.eras),
    allowPrivate: values["allow-private"],
    allowHosts,
    json: values.json,
    checks: parseChecks(values.checks),
    ...(serverJson ? { serverJsonUrl: serverJson } : {}),
    dummyConfig: values["dummy-config"],
  };
}

function parseTarget(stdio: boolean, positionals: string[], command: string[], transport: string | undefined) {
  if (stdio) {
    if (command.length === 0) throw new UsageError("--stdio needs the server's command after --, e.g. kensa scan --stdio -- node server.js");
    if (positionals.length > 0) throw new UsageError(`--stdio takes no URL (got "${positionals[0]}")`);
    const [bin, ...args] = absoluteCommand(command);
    const target: Extract<ProbeOptions["target"], { kind: "stdio" }> = { kind: "stdio", command: bin!, args };
    return { target, display: `stdio: ${command.join(" ")}`, allowHosts: [] };
  }
  if (command.length > 0) throw new UsageError("a command after -- needs --stdio");
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "which server? give its URL, e.g. kensa scan https://mcp.example.com/mcp" : `one URL at a time (got ${positionals.length})`);
  const url = positionals[0]!;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new UsageError(`"${url}" is not an http(s) URL`);
  if (transport !== undefined && !["auto", "streamable-http", "sse"].includes(transport)) throw new UsageError(`--transport expects auto, streamable-http or sse, got "${transport}"`);
  const host = new URL(url).hostname;
  return {
    target: { kind: "http" as const, url, transport: (transport ?? "auto") as "auto" | "streamable-http" | "sse" },
    display: url,
    // The loopback host the user typed is theirs to scan (a vendor checking a local build).
    allowHosts: isLoopbackHost(host) ? [host] : [],
  };
}

export function parseCall(spec: string): ProbeCall {
  const eq = spec.indexOf("=");
  const tool = eq === -1 ? spec : spec.slice(0, eq);
  if (!tool) throw new UsageError(`--call needs a tool name, got "${spec}"`);
  let args: unknown = {};
  if (eq !== -1) {
    try {
      args = JSON.parse(spec.slice(eq + 1));
    } catch {
      throw new UsageError(`--call ${tool}: the arguments are not JSON (${spec.slice(eq + 1)})`);
    }
    if (typeof args !== "object" || args === null || Array.isArray(args)) throw new UsageError(`--call ${tool}: the arguments must be a JSON object`);
  }
  return { tool, arguments: args as Record<string, unknown>, expect: "success", readOnly: true };
}

/** Framing and connection headers belong to the HTTP client: given by hand they break the request, not the server. */
const clientHeaders = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "te", "trailer", "expect", "host", "content-length"]);

function parseHeader(spec: string): [string, string] {
  const colon = spec.indexOf(":");
  const name = colon === -1 ? "" : spec.slice(0, colon).trim();
  if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) throw new UsageError(`--header expects "Name: value", got "${spec}"`);
  if (clientHeaders.has(name.toLowerCase())) throw new UsageError(`--header ${name}: this header is managed by the HTTP client and cannot be set by hand`);
  const value = spec.slice(colon + 1).trim();
  // What HTTP can carry (RFC 9110 field-value: visible ASCII, space, tab, obs-text); anything else would fail
  // in our own request code and be recorded as the server's error.
  const bad = [...value].find((c) => !/^[\t\x20-\x7e\x80-\xff]$/.test(c));
  if (bad !== undefined) {
    const shown = bad.charCodeAt(0) < 0x20 || bad === "\x7f" ? `U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : `"${bad}"`;
    throw new UsageError(`--header ${name}: the value must be visible ASCII or Latin-1 characters (no CR, LF, NUL or other control characters), got ${shown}`);
  }
  return [name, value];
}

function timeoutMs(value: string): number {
  const n = positiveInt("--timeout-ms", value)!;
  if (n > maxTimeoutMs) throw new UsageError(`--timeout-ms expects at most ${maxTimeoutMs} (10 minutes), got "${value}"`);
  return n;
}

function parseEras(value: string | undefined): ScanRequest["eras"] {
  if (value === undefined || value === "all" || value === "newest") return value ?? "all";
  throw new UsageError(`--eras expects all or newest, got "${value}"`);
}

/** --deadline in whole seconds ("60" or "60s"); without it the default, stretched for a long --timeout-ms. */
function deadlineMs(value: string | undefined, timeout: number | undefined): number {
  if (value === undefined) return Math.max(defaultDeadlineMs, (timeout ?? 0) * 4);
  const seconds = positiveInt("--deadline", value.endsWith("s") ? value.slice(0, -1) : value)!;
  if (seconds * 1000 > maxDeadlineMs) throw new UsageError(`--deadline expects at most ${maxDeadlineMs / 1000} seconds, got "${value}"`);
  return seconds * 1000;
}

function positiveInt(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${option} expects a positive whole number, got "${value}"`);
  return n;
}

function parseChecks(value: string | undefined): ScanRequest["checks"] {
  if (value === undefined || value === "all") return "all";
  if (value === "none") return "none";
  return value.split(",").map((name) => {
    const parsed = ReadinessCheck.safeParse(name.trim());
    if (!parsed.success) throw new UsageError(`--checks: unknown check "${name}" (known: ${ReadinessCheck.options.join(", ")})`);
    return parsed.data;
  });
}
