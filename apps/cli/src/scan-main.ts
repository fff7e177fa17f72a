// `kensa scan` on its own: the entry scripts/build-scan.mjs prebuilds into dist/ so a vendor's CI does not
// compile the workspaces' TypeScript on every scan (bin/kensa.mjs uses it while it is newer than its sources).
import { scanCommand } from "./commands/scan";
import { runCommand } from "./run-command";

export function main(argv: string[]): Promise<number> {
  return runCommand(scanCommand, argv.slice(1));
}
