// The one environment variable the probe library reads itself: the host's PATH, which a stdio server's command is
// resolved on and which an isolated child inherits (nothing else of the caller's environment passes).
const FALLBACK_PATH = "/usr/local/bin:/usr/bin:/bin";

let parsed: string | undefined;

/** The host's PATH, read once per process; the fallback when it is unset or empty. */
export function hostPath(): string {
  parsed ??= process.env.PATH || FALLBACK_PATH;
  return parsed;
}
