export * from "./services";
export * from "./postgres";
export * from "./pglite";
export * from "./redis";
export * from "./backends";
export * from "./run-factory";
