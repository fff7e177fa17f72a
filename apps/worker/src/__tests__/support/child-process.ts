// A TypeScript test child run through tsx, with testkit's line-waiting helper.
import { fileURLToPath } from "node:url";
import { startChild, type Child } from "@kensa/testkit";

export type TestChild = Child;

export function spawnTestChild(script: string, env: Record<string, string>): TestChild {
  const path = fileURLToPath(new URL(script, import.meta.url));
  return startChild(process.execPath, ["--import", "tsx", path], { ...process.env, ...env });
}
