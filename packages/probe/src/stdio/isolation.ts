// The room a stdio server runs in: a temporary folder per run (its HOME, TMPDIR, XDG_* folders and its
// working folder, removed afterwards), an environment that holds nothing of the caller's but PATH and the
// variables it was given, its network cut where the machine allows, and its heap bounded if it is Node.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StdioIsolation } from "@kensa/core";
import { hostPath } from "../config/host-path";
import { procAvailable } from "./group-rss";
import { networkCut } from "./network-cut";
import { resolveCommand } from "./resolve-command";

/** Variables the isolation sets itself: a caller cannot point the server back at real folders. */
export const isolationOwnedEnv = ["HOME", "TMPDIR", "TMP", "TEMP", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"] as const;

export interface StdioLaunchSpec {
  command: string;
  args: string[];
  /** The only variables the server gets besides PATH (which they may override) and the isolation's own. */
  env?: Record<string, string>;
  /** "keep": do not cut the network (a server that must download or reach its API). Default: cut where possible. */
  network?: "cut" | "keep";
  memoryMb: number;
}

export interface IsolatedLaunch {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** The command could not be found or run: nothing is spawned. */
  spawnError?: "ENOENT" | "EACCES";
  evidence: Pick<StdioIsolation, "network" | "memory" | "env" | "setupMs">;
  /** Removes the temporary folder; call once the process group is gone. */
  dispose(): Promise<void>;
}

export async function prepareIsolation(spec: StdioLaunchSpec): Promise<IsolatedLaunch> {
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), "kensa-stdio-"));
  const home = join(dir, "home");
  const cwd = join(dir, "work");
  const tmp = join(dir, "tmp");
  const run = join(dir, "run");
  await Promise.all([home, cwd, tmp, run].map((d) => mkdir(d, { recursive: true, mode: 0o700 })));
  const given = spec.env ?? {};
  const own: Record<(typeof isolationOwnedEnv)[number], string> = {
    HOME: home, TMPDIR: tmp, TMP: tmp, TEMP: tmp,
    XDG_CONFIG_HOME: join(home, ".config"), XDG_CACHE_HOME: join(home, ".cache"), XDG_DATA_HOME: join(home, ".local", "share"),
    XDG_STATE_HOME: join(home, ".local", "state"), XDG_RUNTIME_DIR: run,
  };
  const heap = `--max-old-space-size=${spec.memoryMb}`;
  const env: Record<string, string> = {
    PATH: hostPath(),
    ...given,
    ...own,
    NODE_OPTIONS: given.NODE_OPTIONS ? `${given.NODE_OPTIONS} ${heap}` : heap,
  };
  const resolved = resolveCommand(spec.command, env.PATH!);
  const cut = spec.network === "keep" ? { cut: false as const, reason: "the caller kept it (--allow-network)" } : networkCut();
  const command = resolved.ok ? resolved.path : spec.command;
  const line = cut.cut ? [...cut.prefix, command, ...spec.args] : [command, ...spec.args];
  const memory = procAvailable()
    ? `Node heap ≤ ${spec.memoryMb} MB (NODE_OPTIONS); process group RSS ≤ ${spec.memoryMb} MB, watched`
    : `Node heap ≤ ${spec.memoryMb} MB (NODE_OPTIONS); RSS not watched: /proc is not readable here`;
  return {
    command: line[0]!,
    args: line.slice(1),
    env,
    cwd,
    ...(resolved.ok ? {} : { spawnError: resolved.code }),
    evidence: {
      network: cut.cut ? "cut" : `not cut: ${cut.reason}`,
      memory,
      env: Object.keys(given).sort(),
      setupMs: Math.round((performance.now() - started) * 100) / 100,
    },
    dispose: () => rm(dir, { recursive: true, force: true, maxRetries: 3 }),
  };
}
