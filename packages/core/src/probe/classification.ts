// The classifier's verdict on one failed step (see classify/ for the rules that produce it).
import { z } from "zod";
import { ErrorClass, Fault } from "../taxonomy/error-classes";

/** `code`: decided by a status, JSON-RPC code, OAuth error parameter or structured content; `inferred`: from text only. */
export const Confidence = z.enum(["code", "inferred"]);
export type Confidence = z.infer<typeof Confidence>;

export const Classification = z.object({
  errorClass: ErrorClass,
  fault: Fault,
  confidence: Confidence,
  retryable: z.boolean(),
  /** The rule that decided, in words a vendor can check against the evidence, e.g. "HTTP 401 with error=\"invalid_token\" and a token past its expiry". */
  decidedBy: z.string(),
});
export type Classification = z.infer<typeof Classification>;
