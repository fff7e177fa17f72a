// Long-running commands stop on the first SIGINT/SIGTERM (Ctrl-C) cleanly; a second one forces the exit.
export function untilStopSignal(onSecond: () => void = () => process.exit(130)): Promise<string> {
  return new Promise((resolve) => {
    const first = (signal: NodeJS.Signals) => {
      process.off("SIGINT", first);
      process.off("SIGTERM", first);
      process.once("SIGINT", onSecond);
      process.once("SIGTERM", onSecond);
      resolve(signal);
    };
    process.on("SIGINT", first);
    process.on("SIGTERM", first);
  });
}
