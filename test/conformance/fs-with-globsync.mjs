// node:fs plus a globSync for Node 20: enough of Node 22's for the conformance suite (patterns with `*`,
// `**` and `?`, relative to `cwd`; returns relative paths like Node's).
import fs from "node:fs";
import path from "node:path";

export * from "node:fs";
export default fs;

export function globSync(patterns, options = {}) {
  const cwd = options.cwd ? String(options.cwd) : process.cwd();
  const list = Array.isArray(patterns) ? patterns : [patterns];
  const found = new Set();
  for (const pattern of list) {
    const matcher = toRegExp(pattern.split(path.sep).join("/"));
    for (const file of walk(cwd, "")) if (matcher.test(file)) found.add(file);
  }
  return [...found];
}

function* walk(root, prefix) {
  let entries;
  try {
    entries = fs.readdirSync(path.join(root, prefix), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    yield rel;
    if (entry.isDirectory() && entry.name !== "node_modules" && entry.name !== ".git") yield* walk(root, rel);
  }
}

function toRegExp(glob) {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      out += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else out += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}
