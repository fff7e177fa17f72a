// Polling for an outcome that other processes produce (workers, queues): never a fixed sleep.
// `intervalMs` is how often to look: shorter when a test must act the moment the outcome appears.
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string, intervalMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
