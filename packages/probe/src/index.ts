export { runProbe } from "./run-probe";
export { defaultProbeLimits, resolveLimits, ProbeLimits } from "./limits";
export { envSecretSource } from "./credentials/secret-source";
export { classifyAddress, type AddressClass } from "./net/address-class";
export { decideAddress, isLoopbackHost, normaliseHost } from "./net/address-policy";
export { Redactor } from "./evidence/redactor";
export { checkOrder, selectChecks } from "./checks/run-checks";
export type { ProbeOptions, ProbeResult, ProbeTarget, HttpTransportChoice, AddressPolicy } from "./types";
