// `next start` on an ephemeral port (-p 0; the port is read back from its output), stopped by its own PID:
// Next renames its process, so nothing is ever matched by name.
import { spawn, type ChildProcess } from "node:child_process";
import { nextBin, webDir } from "./web-build";

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
  output(): string;
}

export async function startNextServer(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, [nextBin, "start", "-p", "0", "-H", "127.0.0.1"], {
    cwd: webDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr!.on("data", (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`next start did not report its address within 30 s:\n${output}`)), 30_000);
    child.stdout!.on("data", (d) => {
      output += d;
      const match = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`next start exited ${code}:\n${output}`));
    });
  });
  return { url, stop: () => stop(child), output: () => output };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
