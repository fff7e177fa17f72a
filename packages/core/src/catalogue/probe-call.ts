// A safe, read-only tools/call the catalogue asks the probe to make, and what it expects back.
import { z } from "zod";
import { ErrorClass } from "../taxonomy/error-classes";

export const ProbeCall = z.object({
  tool: z.string().min(1),
  arguments: z.record(z.string(), z.unknown()).default({}),
  /** "success" (the default), or a failure the call is designed to provoke (e.g. invalid_input on bad arguments). */
  expect: z.union([z.literal("success"), z.object({ errorClass: ErrorClass })]).default("success"),
  /** Only read-only calls are ever catalogued; this is asserted, not assumed. */
  readOnly: z.literal(true),
  note: z.string().optional(),
});
export type ProbeCall = z.infer<typeof ProbeCall>;
