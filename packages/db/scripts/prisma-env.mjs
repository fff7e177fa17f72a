#!/usr/bin/env node
// Runs the Prisma CLI offline: it wants to download its native schema engine at every start,
// which this machine kind cannot do. Any existing file satisfies the check for generate/validate/format.
import { spawnSync } from "node:child_process";

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
const [cmd, ...args] = process.argv.slice(2);
const result = spawnSync("npx", ["--no-install", cmd, ...args], { stdio: "inherit", env });
process.exit(result.status ?? 1);
