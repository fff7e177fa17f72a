// The single entry point both runners call: validate the payload, dispatch to the handler.
import { isJobName, jobDefinitions, type JobName, type JobPayload } from "../jobs/definitions";
import { UnrecoverableJobError } from "./job-queue";

export type JobHandlers<Ctx> = { [N in JobName]: (payload: JobPayload<N>, ctx: Ctx) => Promise<unknown> };

export async function runJob<Ctx>(handlers: JobHandlers<Ctx>, name: string, rawPayload: unknown, ctx: Ctx): Promise<unknown> {
  if (!isJobName(name)) throw new UnrecoverableJobError(`unknown job "${name}"`);
  const parsed = jobDefinitions[name].payload.safeParse(rawPayload);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(payload)"}: ${i.message}`).join("; ");
    throw new UnrecoverableJobError(`invalid ${name} payload: ${problems}`);
  }
  const handler = handlers[name] as (payload: unknown, ctx: Ctx) => Promise<unknown>;
  return handler(parsed.data, ctx);
}
