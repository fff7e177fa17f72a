export * from "./otlp-span";
export { decodeOtlpJson } from "./decode-json";
export { decodeOtlpProtobuf } from "./decode-protobuf";
export * from "./service-hosts";
export * from "./span-to-report";
export * from "./encode-response";
