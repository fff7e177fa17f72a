export { createWebHandler, type WebHandler, type WebHandlerOptions } from "./create-web-handler";
export { provideDatabase, getDatabase } from "./database";
export { provideJobQueue } from "./job-queue";
export { buildWebApp, ensureWebBuild, webBuildIsStale } from "./build";
