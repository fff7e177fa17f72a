import { isJobName, jobDefinitions, type JobName, type JobPayload } from "@kensa/services";
import { UnrecoverableJobError } from "./unrecoverable-job-error";
// The single entry point both runners call: validate the payload, dispatch to the handler.

export type JobHandlers<Ctx> = { [N in JobName]: (payload: JobPayload<N>, ctx: Ctx) => Promise<unknown> };

/** A job past its time bound: our failure (a stuck query, a bug), retried with backoff like any other. */
export class JobTimeoutError extends Error {
  override readonly name = "JobTimeoutError";
}

export async function runJob<Ctx>(handlers: JobHandlers<Ctx>, name: string, rawPayload: unknown, ctx: Ctx, options: { timeoutMs?: number } = {}): Promise<unknown> {
  if (!isJobName(name)) throw new UnrecoverableJobError(`unknown job "${name}"`);
  const parsed = jobDefinitions[name].payload.safeParse(rawPayload);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(payload)"}: ${i.message}`).join("; ");
    throw new UnrecoverableJobError(`invalid ${name} payload: ${problems}`);
  }
  const handler = handlers[name] as (payload: unknown, ctx: Ctx) => Promise<unknown>;
  const timeoutMs = options.timeoutMs ?? jobDefinitions[name].timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JobTimeoutError(`${name} did not finish within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    // The slot is freed at the bound; work still under way finishes harmlessly (writes are idempotent).
    return await Promise.race([handler(parsed.data, ctx), bound]);
  } finally {
    clearTimeout(timer);
  }
}
