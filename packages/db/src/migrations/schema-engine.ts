// Prisma's native schema engine cannot be downloaded on our machines, so migrations run through its
// WebAssembly build, talking to the database through the same driver adapters as the client.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

// Typed locally: the ES lib we target does not declare the WebAssembly namespace.
const wasmApi = (globalThis as unknown as {
  WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }> };
}).WebAssembly;

let wasmReady: Promise<void> | undefined;

function loadWasmOnce(): Promise<void> {
  wasmReady ??= (async () => {
    // createRequire rather than import.meta.resolve: the latter is missing under vitest's module runner.
    const jsPath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(join(dirname(jsPath), "schema_engine_bg.wasm"));
    const { instance } = await wasmApi.instantiate(bytes, { "./schema_engine_bg.js": engineBindings });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  })();
  return wasmReady;
}

export type EngineLog = (message: string) => void;

/** Opens a schema engine over a driver adapter; free it with `engine.free()` when done. */
export async function openSchemaEngine(
  schema: { path: string; content: string },
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  log: EngineLog = () => {},
): Promise<SchemaEngine> {
  await loadWasmOnce();
  return engineBindings.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    (message: string) => log(message),
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}
