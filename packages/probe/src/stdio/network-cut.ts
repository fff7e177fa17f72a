// Can this machine run a child without a network? A new network namespace (`unshare -n`) has only a
// loopback that is down, so every connect fails at once (ENETUNREACH). As root that works directly; a
// user may get one inside a user namespace (`unshare -rn`) where the kernel allows it. Checked once per
// process; where neither works the child keeps the network and the run evidence says why.
import { spawnSync } from "node:child_process";
import { findExecutable } from "./resolve-command";
import { hostPath } from "../config/host-path";

export type NetworkCut = { cut: true; prefix: string[] } | { cut: false; reason: string };

let checked: NetworkCut | undefined;

export function networkCut(): NetworkCut {
  checked ??= detect();
  return checked;
}

function detect(): NetworkCut {
  if (process.platform !== "linux") return { cut: false, reason: `network namespaces need Linux (this is ${process.platform})` };
  const unshare = findExecutable("unshare", hostPath());
  if (!unshare) return { cut: false, reason: "unshare (util-linux) is not installed" };
  let lastError = "";
  for (const flags of [["-n"], ["-r", "-n"]]) {
    const tried = spawnSync(unshare, [...flags, "--", "true"], { stdio: ["ignore", "ignore", "pipe"], timeout: 5_000 });
    if (tried.status === 0) return { cut: true, prefix: [unshare, ...flags, "--"] };
    lastError = tried.stderr?.toString("utf8").trim().split("\n")[0] || tried.error?.message || `exit ${tried.status}`;
  }
  return { cut: false, reason: `unshare -n is not permitted here (${lastError})` };
}
