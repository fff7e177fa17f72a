export * from "./catalogue-error";
export * from "./content-hash";
export * from "./load-catalogue";
export * from "./overlay";
export * from "./parse-entry";
