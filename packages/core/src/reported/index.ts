export * from "./reported-outcome";
export * from "./scrub-text";
export * from "./otlp/index";
