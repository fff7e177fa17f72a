// Bad probe options are the caller's bug: one clear error naming what was wrong, before anything is sent.
import { KensaError } from "@kensa/core";
import type { ProbeOptions, ProbeTarget } from "./types";

const MAX_ROUNDS = 10_000;

export function validateOptions(options: ProbeOptions): { target: ProbeTarget; rounds: number } {
  const bad = (message: string): never => {
    throw new KensaError("bad_request", `probe options: ${message}`);
  };
  const target = options.target;
  if (target?.kind === "http") {
    if (!URL.canParse(target.url)) bad(`target.url ${JSON.stringify(target.url)} is not a URL`);
    const url = new URL(target.url);
    if (url.protocol !== "http:" && url.protocol !== "https:") bad(`target.url must be http or https, got ${url.protocol}`);
    if (target.transport !== undefined && !["streamable-http", "sse", "auto"].includes(target.transport)) bad(`target.transport ${JSON.stringify(target.transport)} is not streamable-http, sse or auto`);
  } else if (target?.kind === "stdio") {
    if (!target.command) bad("target.command is empty");
    if (!Array.isArray(target.args)) bad("target.args must be an array");
  } else {
    bad(`target.kind must be "http" or "stdio"`);
  }
  const rounds = options.rounds ?? 1;
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROUNDS) bad(`rounds must be an integer from 1 to ${MAX_ROUNDS}, got ${rounds}`);
  if (!Array.isArray(options.calls)) bad("calls must be an array");
  if (!options.addressPolicy || typeof options.addressPolicy.allowPrivate !== "boolean") bad("addressPolicy.allowPrivate must be a boolean");
  if (!options.secrets || typeof options.secrets.get !== "function") bad("secrets must be a SecretSource");
  return { target, rounds };
}
