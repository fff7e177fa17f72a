export { createWebHandler, type WebHandler, type WebHandlerOptions } from "./create-web-handler";
export { provideDatabase, getDatabase } from "./database";
export { buildWebApp, ensureWebBuild, webBuildIsStale } from "./build";
