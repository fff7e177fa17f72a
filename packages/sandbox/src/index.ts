export * from "./clock/controllable-clock";
export * from "./fleet/start-sandbox";
export type { PathName, SandboxExchange } from "./fleet/service-runtime";
export { injectedFailureRate } from "./behaviour/call-draws";
export { toolsFor } from "./mcp/category-tools";
export { categoryEntities } from "./mcp/entities";
export { profileIntent, type ProfileIntent } from "./profile-intent";
export { seedStories } from "./testing/seed-stories";
