/** A job that must not be retried: its payload is invalid or it names something that does not exist. */
export class UnrecoverableJobError extends Error {
  override readonly name = "UnrecoverableJobError";
}
