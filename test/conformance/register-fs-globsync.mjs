// Registers fs-globsync-hook.mjs only where node:fs lacks globSync (Node < 22); a no-op on newer Node.
import * as fs from "node:fs";
import { register } from "node:module";

if (typeof fs.globSync !== "function") register("./fs-globsync-hook.mjs", import.meta.url);
