// The job queue's settings, shared by every process that reaches it: workers, the scheduler and the web.
import { z } from "zod";

export const queueEnvShape = {
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "expected a redis:// or rediss:// URL").optional(),
  KENSA_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]+$/, "expected letters, digits, : _ -").default("kensa"),
};
