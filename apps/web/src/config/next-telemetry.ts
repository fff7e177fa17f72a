// Next reads its telemetry switch from the process environment: Kensa turns it off unless the operator chose.

/** For a Next app hosted in this process (kensa start). */
export function disableNextTelemetry(): void {
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
}

/** The environment of a `next build` child: this process's, telemetry off. */
export function nextBuildEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
}
