// The web process's environment (next start, or a host such as kensa start), parsed once on first use.
// A host that hands in its own database and queue (provideDatabase, provideJobQueue) leaves those unread.
import { dirname } from "node:path";
import { z } from "zod";
import { parseEnv, queueEnvShape } from "@kensa/core";
import { dataDirSetting, databaseEnvShape } from "@kensa/db";
import { findRepoFile } from "../server/repo-docs";

/** `next start` runs in apps/web: the default data folder is the repository's, as for kensa start. */
function repositoryRoot(): string | undefined {
  const schema = findRepoFile("prisma/schema.prisma");
  return schema ? dirname(dirname(schema)) : undefined;
}

export const WebEnv = z.object({
  ...databaseEnvShape,
  KENSA_DATA_DIR: dataDirSetting(repositoryRoot()),
  ...queueEnvShape,
  /** Signs session cookies and CSRF tokens; several web processes must share it. Unset: a key in the data folder. */
  KENSA_SESSION_SECRET: z.string().min(32, "expected at least 32 characters").optional(),
});
export type WebEnv = z.infer<typeof WebEnv>;

export function parseWebEnv(env: Record<string, string | undefined> = process.env): WebEnv {
  return parseEnv(WebEnv, env);
}

let parsed: WebEnv | undefined;

/** This process's settings, parsed on first use (a bad value fails that request, naming the variable). */
export function webEnv(): WebEnv {
  return (parsed ??= parseWebEnv());
}
