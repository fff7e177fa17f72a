// Bounds a promise the SDK gives no timeout for (a transport's start, a session's close).
import { WireError, type WireFailure } from "../net/wire";

export function withTimeout<T>(promise: Promise<T>, ms: number, signal?: AbortSignal, failure?: WireFailure): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => finish(() => reject(signal!.reason));
    const timer = setTimeout(() => finish(() => reject(failure ? new WireError(failure) : new Error(`timed out after ${ms} ms`))), ms);
    let done = false;
    function finish(settle: () => void) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      settle();
    }
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    promise.then((value) => finish(() => resolve(value)), (error: unknown) => finish(() => reject(error)));
  });
}
