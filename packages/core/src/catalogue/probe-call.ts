// A safe, read-only tools/call the catalogue asks the probe to make, and what it expects back.
import { z } from "zod";

export const ProbeCall = z.object({
  tool: z.string().min(1),
  arguments: z.record(z.string(), z.unknown()).default({}),
  /**
   * Every catalogued call expects success. (Calls designed to provoke a failure are not supported yet: scoring
   * would need to count a designed failure as the server behaving well, and an unexpected success as a finding.)
   */
  expect: z.literal("success").default("success"),
  /** Only read-only calls are ever catalogued; this is asserted, not assumed. */
  readOnly: z.literal(true),
  note: z.string().optional(),
});
export type ProbeCall = z.infer<typeof ProbeCall>;
