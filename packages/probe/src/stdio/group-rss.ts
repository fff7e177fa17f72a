// Resident memory of a whole process group, read from /proc (Linux): a server that starts helpers (npx,
// a shell, a worker) is measured with them. Undefined where /proc cannot be read.
import { readdirSync, readFileSync } from "node:fs";

const PAGE_BYTES = 4_096;

export function procAvailable(): boolean {
  try {
    readFileSync("/proc/self/stat");
    return true;
  } catch {
    return false;
  }
}

export function groupRssBytes(pgid: number): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return undefined;
  }
  let pages = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // it ended between the listing and the read
    }
    // Fields after the command name, which is in parentheses and may contain anything.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue; // field 5: process group
    pages += Number(fields[21]) || 0; // field 24: resident pages
  }
  return pages * PAGE_BYTES;
}
