import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../command";
import { parseCall, parseScanArgs } from "./scan-args";

const env = { KENSA_TOKEN: "t0k3n-value" };

describe("kensa scan arguments", () => {
  it("reads a URL with calls, headers, rounds, a bearer variable and a grade threshold", () => {
    const request = parseScanArgs(
      ["http://localhost:3001/mcp", "--call", 'search={"q":"x"}', "--call", "ping", "--header", "X-Tenant: acme", "--rounds", "3", "--bearer-env", "KENSA_TOKEN", "--fail-under", "bbb", "--timeout-ms", "2500", "--json"],
      env,
    );
    expect(request).toMatchObject({
      target: { kind: "http", url: "http://localhost:3001/mcp", transport: "auto" },
      calls: [{ tool: "search", arguments: { q: "x" } }, { tool: "ping", arguments: {} }],
      headers: { "X-Tenant": "acme" },
      rounds: 3,
      credential: { kind: "bearer", tokenSecret: "KENSA_TOKEN" },
      failUnder: "BBB",
      timeoutMs: 2500,
      json: true,
      allowPrivate: false,
      allowHosts: ["localhost"],
    });
  });

  it("allows only the loopback host that was typed; other hosts need --allow-private", () => {
    expect(parseScanArgs(["http://127.0.0.1:9/mcp"], env).allowHosts).toEqual(["127.0.0.1"]);
    expect(parseScanArgs(["https://mcp.example.com/mcp"], env).allowHosts).toEqual([]);
    expect(parseScanArgs(["http://10.0.0.5/mcp", "--allow-private"], env)).toMatchObject({ allowHosts: [], allowPrivate: true });
  });

  it("takes a stdio command after --, options before it", () => {
    expect(parseScanArgs(["--stdio", "--json", "--", "node", "server.js", "--help"], env)).toMatchObject({
      target: { kind: "stdio", command: "node", args: ["server.js", "--help"] },
      display: "stdio: node server.js --help",
      json: true,
    });
  });

  it("gives a stdio server --env variables over --env-file lines, and nothing else", () => {
    const dir = mkdtempSync(join(tmpdir(), "kensa-env-"));
    try {
      const file = join(dir, "server.env");
      writeFileSync(file, '# Backlog\nexport BACKLOG_DOMAIN="example.backlog.com"\nBACKLOG_API_KEY=from-file\n\nEMPTY=\n');
      const request = parseScanArgs(["--stdio", "--env-file", file, "--env", "BACKLOG_API_KEY=dummy", "--env", "URL=https://x/?a=b", "--", "backlog-mcp-server"], env);
      expect(request.target).toEqual({
        kind: "stdio", command: "backlog-mcp-server", args: [],
        env: { BACKLOG_DOMAIN: "example.backlog.com", BACKLOG_API_KEY: "dummy", EMPTY: "", URL: "https://x/?a=b" },
      });
      expect(parseScanArgs(["--stdio", "--", "x"], env).target).toEqual({ kind: "stdio", command: "x", args: [] });
      expect(parseScanArgs(["--stdio", "--allow-network", "--", "x"], env).target).toMatchObject({ network: "keep" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("makes a stdio command's relative paths absolute: the server runs in a folder of its own", () => {
    const request = parseScanArgs(["--stdio", "--", "./bin/kensa.mjs", "package.json", "--flag", "stdio"], env);
    expect(request.target).toMatchObject({ command: join(process.cwd(), "bin/kensa.mjs"), args: [join(process.cwd(), "package.json"), "--flag", "stdio"] });
    expect(request.display).toBe("stdio: ./bin/kensa.mjs package.json --flag stdio");
  });

  it.each([
    [[], /which server/],
    [["a", "b"], /one URL at a time/],
    [["ftp://x/mcp"], /not an http\(s\) URL/],
    [["http://x/mcp", "--rounds", "0"], /--rounds expects a positive whole number/],
    [["http://x/mcp", "--fail-under", "A+"], /--fail-under expects one of/],
    [["http://x/mcp", "--bearer-env", "MISSING_VAR"], /MISSING_VAR is not set/],
    [["http://x/mcp", "--bearer-env", "lower"], /environment variable name/],
    [["http://x/mcp", "--header", "no colon"], /Name: value/],
    [["http://x/mcp", "--header", "X-A: 日本"], /--header X-A: the value must be visible ASCII or Latin-1 .*got "日"/],
    [["http://x/mcp", "--header", "X-A: a\r\nX-Injected: 1"], /--header X-A: .*no CR, LF, NUL.*got U\+000D/],
    [["http://x/mcp", "--header", "X-A: a\nb"], /got U\+000A/],
    [["http://x/mcp", "--header", "X-A: a\u0000b"], /got U\+0000/],
    [["http://x/mcp", "--header", "Transfer-Encoding: chunked"], /--header Transfer-Encoding: this header is managed by the HTTP client/],
    [["http://x/mcp", "--header", "connection: close"], /--header connection: this header is managed/],
    [["http://x/mcp", "--timeout-ms", "600000000"], /--timeout-ms expects at most 600000 \(10 minutes\), got "600000000"/],
    [["http://x/mcp", "--timeout-ms", "600001"], /at most 600000/],
    [["http://x/mcp", "--call", "t={bad"], /not JSON/],
    [["http://x/mcp", "--call", "t=[1]"], /JSON object/],
    [["http://x/mcp", "--checks", "auth_challenge,nope"], /unknown check "nope"/],
    [["--stdio"], /needs the server's command/],
    [["--stdio", "--env", "NOVALUE", "--", "node"], /--env NOVALUE: expected NAME=VALUE/],
    [["--stdio", "--env", "1BAD=x", "--", "node"], /expected NAME=VALUE/],
    [["--stdio", "--env", "HOME=/root", "--", "node"], /HOME is the server's own/],
    [["--stdio", "--env", "XDG_CONFIG_HOME=/etc", "--", "node"], /XDG_CONFIG_HOME is the server's own/],
    [["--stdio", "--env-file", "/nonexistent/kensa.env", "--", "node"], /--env-file \/nonexistent\/kensa.env: cannot read it \(ENOENT\)/],
    [["http://x/mcp", "--env", "A=b"], /--env is for stdio servers/],
    [["http://x/mcp", "--allow-network"], /--allow-network is for stdio servers/],
    [["http://x/mcp", "--dummy-config"], /--dummy-config is for stdio servers/],
    [["http://x/mcp", "--", "node"], /needs --stdio/],
  ])("rejects %j with a message", (argv, message) => {
    expect(() => parseScanArgs(argv as string[], env)).toThrow(UsageError);
    expect(() => parseScanArgs(argv as string[], env)).toThrow(message);
  });

  it("accepts header values of visible ASCII, tabs and Latin-1, and a timeout of exactly the cap", () => {
    const request = parseScanArgs(["http://x/mcp", "--header", "X-A: a b\tc~!", "--header", "X-Latin: café", "--timeout-ms", "600000"], env);
    expect(request.headers).toEqual({ "X-A": "a b\tc~!", "X-Latin": "café" });
    expect(request.timeoutMs).toBe(600_000);
    expect(request.deadlineMs).toBe(2_400_000);
  });

  it("bounds the whole scan: --deadline in seconds, 60 s by default", () => {
    expect(parseScanArgs(["http://x/mcp"], env).deadlineMs).toBe(60_000);
    expect(parseScanArgs(["http://x/mcp", "--deadline", "20"], env).deadlineMs).toBe(20_000);
    expect(parseScanArgs(["http://x/mcp", "--deadline", "45s", "--timeout-ms", "30000"], env).deadlineMs).toBe(45_000);
    expect(() => parseScanArgs(["http://x/mcp", "--deadline", "0"], env)).toThrow(/--deadline expects a positive whole number/);
    expect(() => parseScanArgs(["http://x/mcp", "--deadline", "3601"], env)).toThrow(/at most 3600 seconds/);
  });

  it("rejects unknown options through parseArgs (exit 2 in main)", () => {
    expect(() => parseScanArgs(["http://x/mcp", "--bogus"], env)).toThrow(expect.objectContaining({ code: "ERR_PARSE_ARGS_UNKNOWN_OPTION" }));
  });

  it("keeps = signs inside call arguments", () => {
    expect(parseCall('q={"expr":"a=b"}').arguments).toEqual({ expr: "a=b" });
  });
});
