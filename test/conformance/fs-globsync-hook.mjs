// Node 20 loader hook for the conformance suite: it imports `globSync` from "node:fs", which only Node 22
// has. Every import of fs by the suite is redirected to a module that re-exports fs and adds a small globSync.
// Registered with `node --import ./register-fs-globsync.mjs …/conformance/dist/index.js`.
const SHIM = new URL("./fs-with-globsync.mjs", import.meta.url).href;

export async function resolve(specifier, context, next) {
  if ((specifier === "fs" || specifier === "node:fs") && !context.parentURL?.startsWith(SHIM)) return { url: SHIM, shortCircuit: true };
  return next(specifier, context);
}
