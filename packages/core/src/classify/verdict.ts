// A rule's decision before fault attribution: the class, how it was decided, and (rarely) a fault the
// rule itself knows better than the taxonomy's default. `finishVerdict` turns it into a Classification.
import type { Classification, Confidence } from "../probe/classification";
import type { RunPath } from "../probe/probe-record";
import { errorClasses, type ErrorClass, type Fault } from "../taxonomy/error-classes";

export interface Verdict {
  errorClass: ErrorClass;
  confidence: Confidence;
  decidedBy: string;
  /** Set only when the evidence names the party at fault (e.g. a TLS certificate is the vendor's). */
  fault?: Fault;
}

export function verdict(errorClass: ErrorClass, confidence: Confidence, decidedBy: string, fault?: Fault): Verdict {
  return fault === undefined ? { errorClass, confidence, decidedBy } : { errorClass, confidence, decidedBy, fault };
}

/** What a gateway owns on its path: the request it forwarded, the credential it presented, the authorization it propagated. */
const reshapedByGateway: ReadonlySet<ErrorClass> = new Set(["invalid_input", "auth_forbidden", "auth_invalid", "auth_expired"]);

export function finishVerdict(v: Verdict, path: RunPath): Classification {
  const info = errorClasses[v.errorClass];
  let fault = v.fault ?? info.defaultFault;
  let decidedBy = v.decidedBy;
  if (v.fault === undefined && path === "gateway" && reshapedByGateway.has(v.errorClass)) {
    fault = "intermediary";
    decidedBy += "; behind a gateway, so attributed to the intermediary";
  }
  return { errorClass: v.errorClass, fault, confidence: v.confidence, retryable: info.retryable, decidedBy };
}
