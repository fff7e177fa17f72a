/** Ends every switch over a closed union: adding a member becomes a compile error here. */
export function assertNever(value: never, what = "value"): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
