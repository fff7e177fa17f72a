// The real in-process runner, with an executor that only records what it was given: the endpoint's job is to
// enqueue the right probe, not to probe (that path is tested in @kensa/worker).
import { InProcessRunner } from "@kensa/worker";

export class InProcessRunnerForTests {
  jobs: { name: string; payload: unknown }[] = [];
  readonly queue = new InProcessRunner(async (name, payload) => {
    this.jobs.push({ name, payload });
  }, { concurrency: 1 });
}
