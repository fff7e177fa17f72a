export * from "./classify-step";
export * from "./classify-run";
export { parseWwwAuthenticate, type AuthChallenge } from "./www-authenticate";
export { rpcCodeRules } from "./rpc-code-rules";
export { textRules } from "./text-rules";
